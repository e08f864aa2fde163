import { ENTRY_FIELD_LABELS, REPORT_FIELD_LABELS } from '../../contracts/field-labels';
import type { ReportSnapshot, SnapshotChange, SnapshotEntry } from '../../contracts/reporting';
import { ENTRY_PROGRESS_LABELS, ENTRY_ROLE_LABELS } from '../../contracts/reporting';

const REPORT_FIELDS = (
  [
    'summary',
    'difficulties',
    'proposals',
    'dispatchNumber',
    'dispatchDate',
  ] as const satisfies readonly (keyof Omit<ReportSnapshot, 'entries'>)[]
).map((field) => ({ field, label: REPORT_FIELD_LABELS[field] }));

type EntryField = Exclude<keyof SnapshotEntry, 'taskId' | 'taskOrdinal' | 'taskContent'>;
const ENTRY_FIELDS = (
  [
    'role',
    'progress',
    'completedOn',
    'result',
    'productNumber',
    'productDate',
    'productSummary',
    'attachment',
    'difficulties',
    'proposals',
  ] as const satisfies readonly EntryField[]
).map((field) => ({ field, label: ENTRY_FIELD_LABELS[field] }));

function show(field: EntryField, value: SnapshotEntry[EntryField]): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'progress') return ENTRY_PROGRESS_LABELS[value as SnapshotEntry['progress'] & string];
  if (field === 'role') return ENTRY_ROLE_LABELS[value as SnapshotEntry['role']];
  if (field === 'attachment') return (value as NonNullable<SnapshotEntry['attachment']>).filename;
  return String(value);
}

function same(field: EntryField, a: SnapshotEntry[EntryField], b: SnapshotEntry[EntryField]): boolean {
  if (field === 'attachment') {
    const x = a as SnapshotEntry['attachment'];
    const y = b as SnapshotEntry['attachment'];
    return (x?.sha256 ?? null) === (y?.sha256 ?? null) && (x?.filename ?? null) === (y?.filename ?? null);
  }
  return (a ?? null) === (b ?? null);
}

const norm = (v: string | null) => (v === null || v.trim() === '' ? null : v);

/**
 * Field-by-field differences between two submitted versions of a report: report fields first, then
 * tasks in the order of the newer version (tasks only in the older one at the end). Empty text and null
 * count as the same.
 */
export function diffSnapshots(before: ReportSnapshot, after: ReportSnapshot): SnapshotChange[] {
  const changes: SnapshotChange[] = [];
  for (const { field, label } of REPORT_FIELDS) {
    const a = norm(before[field]);
    const b = norm(after[field]);
    if (a !== b) {
      changes.push({
        path: field,
        label,
        taskId: null,
        field,
        kind: a === null ? 'added' : b === null ? 'removed' : 'changed',
        before: a,
        after: b,
      });
    }
  }
  const old = new Map(before.entries.map((e) => [e.taskId, e]));
  const seen = new Set<number>();
  for (const e of after.entries) {
    seen.add(e.taskId);
    const prev = old.get(e.taskId);
    const task = `Nhiệm vụ ${e.taskOrdinal}`;
    if (!prev) {
      changes.push({
        path: `entries.${e.taskId}`,
        label: `${task} — thêm vào báo cáo`,
        taskId: e.taskId,
        field: 'entry',
        kind: 'added',
        before: null,
        after: e.taskContent,
      });
      continue;
    }
    for (const { field, label } of ENTRY_FIELDS) {
      const a = prev[field];
      const b = e[field];
      const sa = field === 'attachment' ? show(field, a) : norm(show(field, a));
      const sb = field === 'attachment' ? show(field, b) : norm(show(field, b));
      if (field === 'attachment' ? same(field, a, b) : sa === sb) continue;
      changes.push({
        path: `entries.${e.taskId}.${field}`,
        label: `${task} — ${label}`,
        taskId: e.taskId,
        field,
        kind: sa === null ? 'added' : sb === null ? 'removed' : 'changed',
        before: sa,
        after: sb,
      });
    }
  }
  for (const e of before.entries) {
    if (seen.has(e.taskId)) continue;
    changes.push({
      path: `entries.${e.taskId}`,
      label: `Nhiệm vụ ${e.taskOrdinal} — bỏ khỏi báo cáo`,
      taskId: e.taskId,
      field: 'entry',
      kind: 'removed',
      before: e.taskContent,
      after: null,
    });
  }
  return changes;
}
