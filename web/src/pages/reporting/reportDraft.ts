import {
  ENTRY_FIELDS,
  type EntryFieldDef,
  type FieldDef,
  type FieldKind,
  REPORT_FIELDS,
  type ReportFieldDef,
  saveKeyOf,
} from '../../../../shared/contracts/report-fields';
import type {
  Attachment,
  EntryProgress,
  ReportDetail,
  ReportEntry,
  SaveEntry,
  SaveReportRequest,
} from '../../../../shared/contracts/reporting';
import { htmlToText, textToHtml } from './richText';

/**
 * How the form holds a field of each kind (report-fields.ts): text boxes hold strings, never null;
 * rich text is in the shorthand of richText.ts (HTML only on the wire).
 */
type DraftValue<K extends FieldKind> = K extends 'html' | 'text' | 'longtext'
  ? string
  : K extends 'date'
    ? string | null
    : K extends 'number'
      ? number | null
      : K extends 'files'
        ? Attachment[]
        : EntryProgress | null;

type DraftOf<F extends FieldDef> = { [D in F as D['key']]: DraftValue<D['kind']> };

/** One task's answer as the form holds it. */
export type EntryDraft = DraftOf<EntryFieldDef>;

export type ReportDraft = DraftOf<ReportFieldDef> & {
  /** By entry id. */
  entries: Record<number, EntryDraft>;
};

const isText = (k: FieldKind) => k === 'html' || k === 'text' || k === 'longtext';

/** One entry's values as the form holds them. */
export const entryDraftOf = (e: ReportEntry): EntryDraft => draftValues<EntryDraft>(ENTRY_FIELDS, e);

/** From the API's values to the form's. */
function draftValues<T>(fields: readonly FieldDef[], from: object): T {
  const v = from as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((f) => {
      const x = v[f.key] ?? null;
      if (f.kind === 'html') return [f.key, htmlToText(x as string | null)];
      return [f.key, isText(f.kind) ? (x ?? '') : x];
    }),
  ) as T;
}

export function draftOf(report: ReportDetail): ReportDraft {
  return {
    ...draftValues<DraftOf<ReportFieldDef>>(REPORT_FIELDS, report),
    entries: Object.fromEntries(
      [...report.lead, ...report.support].map((e: ReportEntry) => [
        e.id,
        draftValues<EntryDraft>(ENTRY_FIELDS, e),
      ]),
    ),
  };
}

const text = (v: string) => (v.trim() === '' ? null : v);

/** The request fields that differ between two drafts, in the API's form (HTML, null for blank, ids). */
function changedValues(fields: readonly FieldDef[], base: object, next: object): Record<string, unknown> {
  const b = base as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.kind === 'files') {
      // The whole list is sent when it differs: the server makes the entry's files exactly these.
      const before = ((b[f.key] as Attachment[] | null) ?? []).map((a) => a.id);
      const after = ((n[f.key] as Attachment[] | null) ?? []).map((a) => a.id);
      if (before.join(',') !== after.join(',')) out[saveKeyOf(f)] = after;
      continue;
    }
    if (b[f.key] === n[f.key]) continue;
    const v = n[f.key];
    if (f.kind === 'html') out[saveKeyOf(f)] = textToHtml(v as string);
    else out[saveKeyOf(f)] = isText(f.kind) ? text(v as string) : v;
  }
  return out;
}

export function entryChanges(id: number, base: EntryDraft, next: EntryDraft): SaveEntry | null {
  const out: SaveEntry = { id, ...changedValues(ENTRY_FIELDS, base, next) };
  return Object.keys(out).length > 1 ? out : null;
}

/**
 * Only what changed since the last successful save (the API reads an omitted field as "unchanged"),
 * so two colleagues filling in different tasks never blank out each other's answers. Null when nothing did.
 */
export function changesBetween(
  base: ReportDraft,
  next: ReportDraft,
): Omit<SaveReportRequest, 'version'> | null {
  const out: Omit<SaveReportRequest, 'version'> = changedValues(REPORT_FIELDS, base, next);
  const entries: SaveEntry[] = [];
  for (const [key, entry] of Object.entries(next.entries)) {
    const id = Number(key);
    const before = base.entries[id];
    const change = before ? entryChanges(id, before, entry) : null;
    if (change) entries.push(change);
  }
  if (entries.length > 0) out.entries = entries;
  return Object.keys(out).length > 0 ? out : null;
}

/** A field the user typed but the server has not got: shown after a conflict so it can be copied back. */
export interface UnsavedText {
  label: string;
  value: string;
}

/** The typed texts (html, text, longtext) of a table, with their labels. */
const textLabels = (fields: readonly FieldDef[]) =>
  fields.filter((f) => isText(f.kind)).map((f) => [f.key, f.label] as const);
const REPORT_LABELS = textLabels(REPORT_FIELDS);
const ENTRY_LABELS = textLabels(ENTRY_FIELDS);

/** Every text that differs from the last save, labelled with its task, for the "not saved" panel. */
export function unsavedTexts(
  base: ReportDraft,
  next: ReportDraft,
  taskLabel: (entryId: number) => string,
): UnsavedText[] {
  const out: UnsavedText[] = [];
  const b = base as unknown as Record<string, string>;
  const n = next as unknown as Record<string, string>;
  for (const [k, label] of REPORT_LABELS) {
    const v = n[k] ?? '';
    if (b[k] !== v && v.trim() !== '') out.push({ label, value: v });
  }
  for (const [key, entry] of Object.entries(next.entries)) {
    const id = Number(key);
    const before = base.entries[id] as unknown as Record<string, string> | undefined;
    const now = entry as unknown as Record<string, string>;
    for (const [k, label] of ENTRY_LABELS) {
      const v = now[k] ?? '';
      if (before?.[k] !== v && v.trim() !== '') {
        out.push({ label: `${taskLabel(id)} — ${label}`, value: v });
      }
    }
  }
  return out;
}
