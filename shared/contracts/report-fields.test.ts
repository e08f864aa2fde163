import { describe, expect, it } from 'vitest';
import { ENTRY_FIELD_LABELS, REPORT_FIELD_LABELS } from './field-labels';
import { ENTRY_FIELDS, REPORT_FIELDS } from './report-fields';
import {
  reportDetailSchema,
  reportEntrySchema,
  reportSnapshotSchema,
  saveEntrySchema,
  saveReportRequestSchema,
} from './reporting';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('report field tables', () => {
  it('name every field as the screens always have', () => {
    expect(REPORT_FIELD_LABELS).toEqual({
      summary: 'Tóm tắt kết quả',
      difficulties: 'Khó khăn, vướng mắc chung',
      proposals: 'Kiến nghị, đề xuất chung',
      dispatchNumber: 'Số công văn',
      dispatchDate: 'Ngày công văn',
    });
    expect(Object.entries(ENTRY_FIELD_LABELS)).toEqual([
      ['role', 'Vai trò'],
      ['progress', 'Tình hình thực hiện'],
      ['completedOn', 'Ngày hoàn thành'],
      ['result', 'Kết quả thực hiện'],
      ['productNumber', 'Số văn bản sản phẩm'],
      ['productDate', 'Ngày văn bản sản phẩm'],
      ['productSummary', 'Trích yếu sản phẩm'],
      ['files', 'Tệp sản phẩm'],
      ['difficulties', 'Khó khăn, vướng mắc'],
      ['proposals', 'Kiến nghị, đề xuất'],
    ]);
  });

  it('give the contract one key per field, in table order, around the fixed ones', () => {
    const entryKeys = Object.keys(reportEntrySchema.shape);
    expect(entryKeys).toEqual(['id', 'task', 'role', ...ENTRY_FIELDS.map((f) => f.key), 'status', 'review']);
    expect(Object.keys(saveEntrySchema.shape)).toEqual([
      'id',
      'progress',
      'completedOn',
      'result',
      'productNumber',
      'productDate',
      'productSummary',
      'attachmentIds',
      'difficulties',
      'proposals',
    ]);
    for (const f of REPORT_FIELDS) {
      expect(reportDetailSchema.shape).toHaveProperty(f.key);
      expect(reportSnapshotSchema.shape).toHaveProperty(f.key);
      expect(saveReportRequestSchema.shape).toHaveProperty(f.key);
    }
  });

  it('accept a save as before: omitted, null, text within its limit, ISO dates, the ids of its files', () => {
    const ok = saveReportRequestSchema.safeParse({
      version: 3,
      summary: '<p>Đạt</p>',
      difficulties: null,
      dispatchNumber: '456/STC-KHĐT',
      dispatchDate: '2026-12-14',
      entries: [
        {
          id: 1,
          progress: 'completed',
          completedOn: '2026-11-30',
          productNumber: 'x'.repeat(200),
          attachmentIds: [5, 6],
        },
        { id: 2, attachmentIds: [], productSummary: null },
      ],
    });
    expect(messages(ok)).toEqual([]);
  });

  it('refuse what was refused, with the same messages', () => {
    const bad = saveReportRequestSchema.safeParse({
      version: 3,
      dispatchNumber: 'x'.repeat(101),
      summary: 'x'.repeat(50_001),
      entries: [
        { id: 1, productNumber: 'x'.repeat(201), productSummary: 'x'.repeat(5001), progress: 'done' },
      ],
    });
    const got = messages(bad);
    expect(got).toContain('dispatchNumber: Tối đa 100 ký tự');
    expect(got).toContain('summary: Tối đa 50000 ký tự');
    expect(got).toContain('entries.0.productNumber: Tối đa 200 ký tự');
    expect(got).toContain('entries.0.productSummary: Tối đa 5000 ký tự');
    expect(got.some((m) => m.startsWith('entries.0.progress:'))).toBe(true);
    const date = saveReportRequestSchema.safeParse({ version: 1, dispatchDate: '14/12/2026' });
    expect(date.success).toBe(false);
    expect(messages(date)[0]).toMatch(/^dispatchDate: /);
  });

  it('keep every column and key unique within a level', () => {
    for (const table of [REPORT_FIELDS, ENTRY_FIELDS] as const) {
      const keys = table.map((f) => f.key);
      const columns = table.map((f) => f.column);
      expect(new Set(keys).size).toBe(keys.length);
      expect(new Set(columns).size).toBe(columns.length);
    }
  });
});
