import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { ApiError } from '../../api/ApiError';
import { todayIso } from '../../lib/dates';
import type { ReportDraft } from './reportDraft';

/** Messages by entry id, then by field ("progress", "completedOn"). */
export type EntryErrors = Record<number, Record<string, string>>;

/**
 * The server's own rules for sending (every led task has a progress, completed ones a date not in the
 * future), checked before asking it, so the user sees every gap at once beside the task concerned.
 */
export function checkBeforeSubmit(report: ReportDetail, draft: ReportDraft): EntryErrors {
  const errors: EntryErrors = {};
  const today = todayIso();
  for (const e of report.lead) {
    const d = draft.entries[e.id];
    if (!d) continue;
    const own: Record<string, string> = {};
    if (d.progress === null) own.progress = 'Hãy chọn tình hình thực hiện.';
    if (d.progress === 'completed' && !d.completedOn) own.completedOn = 'Hãy chọn ngày hoàn thành.';
    if (d.completedOn && d.completedOn > today) own.completedOn = 'Ngày hoàn thành không được ở tương lai.';
    if (Object.keys(own).length > 0) errors[e.id] = own;
  }
  return errors;
}

/** The server answers a refused submit with fields "entries.<entryId>.<field>"; put them on the tasks. */
export function entryErrorsOf(error: unknown): EntryErrors {
  const errors: EntryErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const f of error.fields) {
    const m = /^entries\.(\d+)\.(\w+)$/.exec(f.path);
    if (!m) continue;
    const id = Number(m[1]);
    errors[id] = { ...errors[id], [m[2] ?? '']: f.message };
  }
  return errors;
}

export function countErrors(errors: EntryErrors): number {
  return Object.values(errors).reduce((n, e) => n + Object.keys(e).length, 0);
}
