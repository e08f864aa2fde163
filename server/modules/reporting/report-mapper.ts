import { ENTRY_FIELDS, type FieldDef } from '../../../shared/contracts/report-fields';
import type { PlanRef, ReportEntry, ReportSummary } from '../../../shared/contracts/reporting';
import { planLabel } from '../../../shared/domain/plans/short-title';
import { person } from '../../lib/person';
import { chainField, type Succession } from '../organisations/succession-repository';
import { deadlineOf, toTaskView } from '../plans/task-mapper';
import { type EntryFileRow, fileView } from './entry-files';
import { toPeriodRefFromPrefixed } from './period-mapper';
import type { EntryRow, ReportRow } from './report-repository';
import { statusOf } from './status-of';

/** The views of a report and its entries, built here only. */

export function toPlanRef(p: { id: number; number: string | null; title: string }): PlanRef {
  return { id: p.id, number: p.number, title: p.title, label: planLabel(p) };
}

/**
 * A report as listed. `succession` (loadSuccession, once per request) gives the agency's chain when it
 * was reorganised after: the report stays its own, "→ Sở Tài chính từ 01/03/2025" says where the work went.
 */
export function toSummary(r: ReportRow, succession: Succession): ReportSummary {
  return {
    id: r.id,
    period: toPeriodRefFromPrefixed(r),
    plan: toPlanRef({ id: r.plan_id, number: r.plan_number, title: r.plan_title }),
    organisation: {
      id: r.organisation_id,
      name: r.organisation_name,
      ...chainField(succession, r.organisation_id),
    },
    state: r.state,
    version: r.version,
    leadCount: Number(r.lead_count ?? 0),
    supportCount: Number(r.support_count ?? 0),
    submittedAt: r.submitted_at,
    firstSubmittedAt: r.first_submitted_at,
    late: r.late === 1,
    acceptedAt: r.accepted_at,
    returnedAt: r.returned_at,
    returnedReason: r.returned_reason,
    updatedAt: r.updated_at,
    updatedBy: person(r.updated_by, r.editor_name),
    versionCount: Number(r.version_count ?? 0),
  };
}

/**
 * `{ key: row[column] }` for every field of a table (report-fields.ts) whose value is its column as is;
 * an entry's files are read from their own table (entry-files.ts) by the caller.
 */
export function fieldValues<T>(fields: readonly FieldDef[], row: object): T {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(
    fields.filter((f) => f.kind !== 'files').map((f) => [f.key, r[f.column] ?? null]),
  ) as T;
}

/** An entry's fields as read (report and task history), its files included. */
export function entryFieldValues(
  e: Omit<EntryRow, 'files'> & { files: EntryFileRow[] },
): Omit<ReportEntry, 'id' | 'task' | 'role' | 'status'> {
  return {
    ...fieldValues(ENTRY_FIELDS, e),
    files: e.files.map(fileView),
    review: { state: e.review_state, comment: e.review_comment, at: e.reviewed_at },
  };
}

export function taskOfEntry(e: EntryRow) {
  return toTaskView({
    id: e.task_id,
    plan_id: e.plan_id,
    ordinal: e.ordinal,
    group_label: e.group_label,
    content: e.content,
    product: e.product,
    deadline_kind: e.deadline_kind,
    deadline_from: e.deadline_from,
    deadline_to: e.deadline_to,
    deadline_text: e.deadline_text,
  });
}

export function toEntry(e: EntryRow, period: { year: number; dueOn: string }, today: string): ReportEntry {
  return {
    id: e.id,
    task: taskOfEntry(e),
    role: e.role,
    ...entryFieldValues(e),
    status: statusOf({
      deadline: deadlineOf(e),
      year: period.year,
      progress: e.progress,
      completedOn: e.completed_on,
      today,
      reportDue: today > period.dueOn,
    }),
  };
}
