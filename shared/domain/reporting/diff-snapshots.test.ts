import { describe, expect, it } from 'vitest';
import type { ReportSnapshot, SnapshotEntry } from '../../contracts/reporting';
import { diffSnapshots } from './diff-snapshots';

const entry = (taskId: number, over: Partial<SnapshotEntry> = {}): SnapshotEntry => ({
  taskId,
  taskOrdinal: String(taskId),
  taskContent: `Nhiệm vụ số ${taskId}`,
  role: 'lead',
  progress: 'in_progress',
  completedOn: null,
  result: '<p>Đang xây dựng</p>',
  productNumber: null,
  productDate: null,
  productSummary: null,
  files: [],
  difficulties: null,
  proposals: null,
  ...over,
});

const snap = (over: Partial<ReportSnapshot> = {}): ReportSnapshot => ({
  summary: 'Tóm tắt',
  difficulties: null,
  proposals: null,
  dispatchNumber: '12/SCT',
  dispatchDate: '2025-12-10',
  entries: [entry(1), entry(2)],
  ...over,
});

describe('diffSnapshots', () => {
  it('finds nothing between equal versions, and treats empty text as null', () => {
    expect(diffSnapshots(snap(), snap())).toEqual([]);
    expect(diffSnapshots(snap({ proposals: null }), snap({ proposals: '  ' }))).toEqual([]);
  });

  it('lists changed report fields with labels and kinds', () => {
    const changes = diffSnapshots(
      snap(),
      snap({ summary: 'Tóm tắt mới', proposals: 'Đề nghị', dispatchNumber: null }),
    );
    expect(changes.map((c) => [c.path, c.kind, c.before, c.after])).toEqual([
      ['summary', 'changed', 'Tóm tắt', 'Tóm tắt mới'],
      ['proposals', 'added', null, 'Đề nghị'],
      ['dispatchNumber', 'removed', '12/SCT', null],
    ]);
    expect(changes[0]!.label).toBe('Tóm tắt kết quả');
  });

  it('lists per-task changes with Vietnamese values', () => {
    const changes = diffSnapshots(
      snap(),
      snap({ entries: [entry(1, { progress: 'completed', completedOn: '2025-11-30' }), entry(2)] }),
    );
    expect(changes).toEqual([
      {
        path: 'entries.1.progress',
        label: 'Nhiệm vụ 1 — Tình hình thực hiện',
        taskId: 1,
        field: 'progress',
        kind: 'changed',
        before: 'Đang thực hiện',
        after: 'Hoàn thành',
      },
      {
        path: 'entries.1.completedOn',
        label: 'Nhiệm vụ 1 — Ngày hoàn thành',
        taskId: 1,
        field: 'completedOn',
        kind: 'added',
        before: null,
        after: '30/11/2025',
      },
    ]);
  });

  it('writes changed dates dd/mm/yyyy, as the report form shows them', () => {
    const changes = diffSnapshots(snap(), snap({ dispatchDate: '2026-01-05' }));
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Ngày công văn', '10/12/2025', '05/01/2026'],
    ]);
  });

  it('notices a replaced file even with the same name, and added or removed tasks', () => {
    const a = snap({
      entries: [entry(1, { files: [{ id: 1, filename: 'qd.pdf', sha256: 'aa' }] }), entry(2)],
    });
    const b = snap({
      entries: [entry(1, { files: [{ id: 2, filename: 'qd.pdf', sha256: 'bb' }] }), entry(3)],
    });
    expect(diffSnapshots(a, b).map((c) => [c.path, c.kind])).toEqual([
      ['entries.1.files', 'changed'],
      ['entries.3', 'added'],
      ['entries.2', 'removed'],
    ]);
  });

  it('records files added to and removed from a task, by name, whatever their order', () => {
    const qd = { id: 1, filename: 'qd.pdf', sha256: 'aa' };
    const pl = { id: 2, filename: 'phu-luc.xlsx', sha256: 'bb' };
    const a = snap({ entries: [entry(1, { files: [qd] }), entry(2, { files: [qd, pl] })] });
    const b = snap({ entries: [entry(1, { files: [qd, pl] }), entry(2, { files: [pl, qd] })] });
    expect(diffSnapshots(a, b).map((c) => [c.path, c.kind, c.before, c.after])).toEqual([
      ['entries.1.files', 'changed', 'qd.pdf', 'qd.pdf; phu-luc.xlsx'],
    ]);
    const none = snap({ entries: [entry(1), entry(2, { files: [qd, pl] })] });
    expect(diffSnapshots(a, none).map((c) => [c.path, c.kind, c.before, c.after])).toEqual([
      ['entries.1.files', 'removed', 'qd.pdf', null],
    ]);
  });
});
