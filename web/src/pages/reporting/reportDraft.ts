import { ENTRY_FIELD_LABELS, REPORT_FIELD_LABELS } from '../../../../shared/contracts/field-labels';
import type {
  Attachment,
  EntryProgress,
  ReportDetail,
  ReportEntry,
  SaveEntry,
  SaveReportRequest,
} from '../../../../shared/contracts/reporting';
import { htmlToText, textToHtml } from './richText';

/** One task's answer as the form holds it: text boxes hold strings, never null. */
export interface EntryDraft {
  progress: EntryProgress | null;
  completedOn: string | null;
  /** In the shorthand of richText.ts; HTML only on the wire. */
  result: string;
  productNumber: string;
  productDate: string | null;
  productSummary: string;
  attachment: Attachment | null;
  difficulties: string;
  proposals: string;
}

export interface ReportDraft {
  summary: string;
  difficulties: string;
  proposals: string;
  dispatchNumber: string;
  dispatchDate: string | null;
  /** By entry id. */
  entries: Record<number, EntryDraft>;
}

function entryDraftOf(e: ReportEntry): EntryDraft {
  return {
    progress: e.progress,
    completedOn: e.completedOn,
    result: htmlToText(e.result),
    productNumber: e.productNumber ?? '',
    productDate: e.productDate,
    productSummary: e.productSummary ?? '',
    attachment: e.attachment,
    difficulties: e.difficulties ?? '',
    proposals: e.proposals ?? '',
  };
}

export function draftOf(report: ReportDetail): ReportDraft {
  return {
    summary: htmlToText(report.summary),
    difficulties: report.difficulties ?? '',
    proposals: report.proposals ?? '',
    dispatchNumber: report.dispatchNumber ?? '',
    dispatchDate: report.dispatchDate,
    entries: Object.fromEntries([...report.lead, ...report.support].map((e) => [e.id, entryDraftOf(e)])),
  };
}

const text = (v: string) => (v.trim() === '' ? null : v);

const REPORT_TEXT = ['difficulties', 'proposals', 'dispatchNumber'] as const;
const ENTRY_TEXT = ['productNumber', 'productSummary', 'difficulties', 'proposals'] as const;

function entryChanges(id: number, base: EntryDraft, next: EntryDraft): SaveEntry | null {
  const out: SaveEntry = { id };
  if (base.progress !== next.progress) out.progress = next.progress;
  if (base.completedOn !== next.completedOn) out.completedOn = next.completedOn;
  if (base.productDate !== next.productDate) out.productDate = next.productDate;
  for (const k of ENTRY_TEXT) if (base[k] !== next[k]) out[k] = text(next[k]);
  if (base.result !== next.result) out.result = textToHtml(next.result);
  if ((base.attachment?.id ?? null) !== (next.attachment?.id ?? null)) {
    out.attachmentId = next.attachment?.id ?? null;
  }
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
  const out: Omit<SaveReportRequest, 'version'> = {};
  if (base.summary !== next.summary) out.summary = textToHtml(next.summary);
  for (const k of REPORT_TEXT) if (base[k] !== next[k]) out[k] = text(next[k]);
  if (base.dispatchDate !== next.dispatchDate) out.dispatchDate = next.dispatchDate;
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

const REPORT_LABELS = {
  summary: REPORT_FIELD_LABELS.summary,
  difficulties: REPORT_FIELD_LABELS.difficulties,
  proposals: REPORT_FIELD_LABELS.proposals,
  dispatchNumber: REPORT_FIELD_LABELS.dispatchNumber,
} as const;

const ENTRY_LABELS = {
  result: ENTRY_FIELD_LABELS.result,
  productNumber: ENTRY_FIELD_LABELS.productNumber,
  productSummary: ENTRY_FIELD_LABELS.productSummary,
  difficulties: ENTRY_FIELD_LABELS.difficulties,
  proposals: ENTRY_FIELD_LABELS.proposals,
} as const;

/** Every text that differs from the last save, labelled with its task, for the "not saved" panel. */
export function unsavedTexts(
  base: ReportDraft,
  next: ReportDraft,
  taskLabel: (entryId: number) => string,
): UnsavedText[] {
  const out: UnsavedText[] = [];
  for (const [k, label] of Object.entries(REPORT_LABELS) as [keyof typeof REPORT_LABELS, string][]) {
    if (base[k] !== next[k] && next[k].trim() !== '') out.push({ label, value: next[k] });
  }
  for (const [key, entry] of Object.entries(next.entries)) {
    const id = Number(key);
    const before = base.entries[id];
    for (const [k, label] of Object.entries(ENTRY_LABELS) as [keyof typeof ENTRY_LABELS, string][]) {
      if (before?.[k] !== entry[k] && entry[k].trim() !== '') {
        out.push({ label: `${taskLabel(id)} — ${label}`, value: entry[k] });
      }
    }
  }
  return out;
}
