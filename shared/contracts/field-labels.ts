import { ENTRY_FIELDS, labelsOf, REPORT_FIELDS } from './report-fields';

/**
 * The Vietnamese name of each report field, one set for every screen and document: the server's version
 * comparison (shared/domain/reporting/diff-snapshots.ts) and the client's form and "not saved" panel.
 * Read from the field tables of report-fields.ts.
 */
export const REPORT_FIELD_LABELS = labelsOf(REPORT_FIELDS);

export const ENTRY_FIELD_LABELS = { role: 'Vai trò', ...labelsOf(ENTRY_FIELDS) } as const;
