import { ENTRY_FIELD_LABELS } from '../../contracts/field-labels';
import {
  ENTRY_FIELDS as ENTRY_FIELD_TABLE,
  REPORT_FIELDS as REPORT_FIELD_TABLE,
} from '../../contracts/report-fields';
import type { ReportSnapshot, SnapshotChange, SnapshotEntry } from '../../contracts/reporting';
import { ENTRY_PROGRESS_LABELS, ENTRY_ROLE_LABELS } from '../../contracts/reporting';
import { formatDateVi } from '../task-status/calendar';

/** Compared in the order of the field tables (report-fields.ts); an entry's role first. */
const REPORT_FIELDS = REPORT_FIELD_TABLE.map(({ key, label }) => ({ field: key, label }));

type EntryField = Exclude<keyof SnapshotEntry, 'taskId' | 'taskOrdinal' | 'taskContent'>;
const ENTRY_FIELDS: { field: EntryField; label: string }[] = [
  { field: 'role', label: ENTRY_FIELD_LABELS.role },
  ...ENTRY_FIELD_TABLE.map(({ key, label }) => ({ field: key, label })),
];

/** Date fields are shown dd/mm/yyyy, the way the report form and official documents write them. */
const DATE_FIELDS: ReadonlySet<string> = new Set(
  [...REPORT_FIELD_TABLE, ...ENTRY_FIELD_TABLE].filter((f) => f.kind === 'date').map((f) => f.key),
);

/** A report field as text (a number field is compared and shown as its digits, a date as dd/mm/yyyy). */
const show = (field: string, v: string | number | null | undefined) =>
  v === null || v === undefined ? null : DATE_FIELDS.has(field) ? formatDateVi(String(v)) : String(v);

function showEntry(field: EntryField, value: SnapshotEntry[EntryField]): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'progress') return ENTRY_PROGRESS_LABELS[value as SnapshotEntry['progress'] & string];
  if (field === 'role') return ENTRY_ROLE_LABELS[value as SnapshotEntry['role']];
  if (field === 'files') {
    const files = value as SnapshotEntry['files'];
    return files.length === 0 ? null : files.map((f) => f.filename).join('; ');
  }
  return show(field, value as string | number);
}

function same(field: EntryField, a: SnapshotEntry[EntryField], b: SnapshotEntry[EntryField]): boolean {
  if (field === 'files') {
    // The same files under the same names, in any order: a file replaced by another of the same name
    // (other content) is a change.
    const key = (fs: SnapshotEntry['files']) =>
      (fs ?? [])
        .map((f) => `${f.sha256}\u0000${f.filename}`)
        .sort()
        .join('\u0001');
    return key(a as SnapshotEntry['files']) === key(b as SnapshotEntry['files']);
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
    const a = norm(show(field, before[field]));
    const b = norm(show(field, after[field]));
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
      const sa = field === 'files' ? showEntry(field, a) : norm(showEntry(field, a));
      const sb = field === 'files' ? showEntry(field, b) : norm(showEntry(field, b));
      if (field === 'files' ? same(field, a, b) : sa === sb) continue;
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
