import type { IndicatorSummary } from '../../../../shared/contracts/indicators';
import type { ReportTask, TaskStatusView } from '../../../../shared/contracts/reporting';
import { formatDateVi } from '../../../../shared/domain/task-status/calendar';
import type { AcceptedEntryRow, AcceptedReportRow } from './consolidated-repository';

/** Everything the consolidated report is drafted from, read once by the service. */
export interface ConsolidatedData {
  plan: { number: string | null; title: string; place: string | null; issuedOn: string | null };
  issuer: { superior: string | null; name: string; code: string; kind: string | null };
  period: { year: number; title: string };
  indicators: IndicatorSummary[];
  reports: AcceptedReportRow[];
  entries: AcceptedEntryRow[];
  /** The tasks in force in the period's year (a task removed during it has `removedOn`). */
  tasks: { task: ReportTask; leads: string[]; status: TaskStatusView; removedOn: string | null }[];
}

/** A task's status in the documents; a task removed during the period says so: "… (bãi bỏ từ 01/07/2025)". */
export function statusText(t: { status: TaskStatusView; removedOn: string | null }): string {
  return t.removedOn ? `${t.status.label} (bãi bỏ từ ${formatDateVi(t.removedOn)})` : t.status.label;
}

/** "Kế hoạch số 148/KH-UBND" or the plan's title when it has no number. */
export function planName(plan: { number: string | null; title: string }) {
  return plan.number ? `Kế hoạch số ${plan.number}` : plan.title;
}

/** The year a task's deadline ends in, when it has one. */
export function deadlineYear(t: ReportTask): number | null {
  const end = t.deadline.to ?? t.deadline.from;
  return end ? Number(end.slice(0, 4)) : null;
}

export const isOngoing = (t: ReportTask) =>
  t.deadline.kind === 'recurring' || t.deadline.kind === 'continuous';

/** The years shown as columns of the indicator table: those with a value, up to the period's year. */
export function indicatorYears(indicators: readonly IndicatorSummary[], year: number): number[] {
  const years = new Set<number>();
  for (const i of indicators) for (const v of i.effectiveValues) if (v.year <= year) years.add(v.year);
  return [...years].sort((a, b) => a - b).slice(-6);
}

/** Non-empty text lines, trimmed. */
export const present = (s: string | null | undefined): s is string =>
  typeof s === 'string' && s.trim() !== '';

/** Group items by a key, keeping the order in which keys first appear. */
export function groupInOrder<T>(items: readonly T[], key: (t: T) => string): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    out.set(k, [...(out.get(k) ?? []), it]);
  }
  return [...out];
}
