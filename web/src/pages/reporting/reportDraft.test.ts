import { describe, expect, it } from 'vitest';
import type { ReportDetail, ReportEntry } from '../../../../shared/contracts/reporting';
import { ApiError } from '../../api/ApiError';
import { changesBetween, draftOf, unsavedTexts } from './reportDraft';
import { checkBeforeSubmit, countErrors, entryErrorsOf } from './submitChecks';

/** Only the fields the report form reads; the rest of a report does not matter to these functions. */
function entry(id: number, over: Partial<ReportEntry> = {}): ReportEntry {
  return {
    id,
    task: { ordinal: String(id) },
    role: 'lead',
    progress: null,
    completedOn: null,
    result: null,
    productNumber: null,
    productDate: null,
    productSummary: null,
    files: [],
    difficulties: null,
    proposals: null,
    ...over,
  } as ReportEntry;
}

function report(lead: ReportEntry[], support: ReportEntry[] = []): ReportDetail {
  return {
    id: 1,
    version: 3,
    summary: '<p>Đã <strong>triển khai</strong></p>',
    difficulties: null,
    proposals: 'Bổ sung kinh phí',
    dispatchNumber: null,
    dispatchDate: null,
    lead,
    support,
  } as unknown as ReportDetail;
}

describe('the report form draft', () => {
  it('holds the stored report as editable text: HTML as shorthand, nulls as empty boxes', () => {
    const d = draftOf(report([entry(10, { result: '<p>Xong <em>đợt 1</em></p>', progress: 'in_progress' })]));
    expect(d.summary).toBe('Đã **triển khai**');
    expect(d.difficulties).toBe('');
    expect(d.proposals).toBe('Bổ sung kinh phí');
    expect(d.entries[10]).toMatchObject({
      result: 'Xong *đợt 1*',
      progress: 'in_progress',
      productNumber: '',
    });
  });

  it('sends only what changed, as HTML and with emptied boxes as null', () => {
    const base = draftOf(report([entry(10), entry(11, { productNumber: '12/KH' })]));
    const next = structuredClone(base);
    expect(changesBetween(base, next)).toBeNull();

    next.summary = 'Đã **xong**';
    next.proposals = '  ';
    const e11 = next.entries[11]!;
    next.entries[11] = { ...e11, productNumber: '', progress: 'completed', completedOn: '2026-11-02' };
    expect(changesBetween(base, next)).toEqual({
      summary: '<p>Đã <strong>xong</strong></p>',
      proposals: null,
      entries: [{ id: 11, productNumber: null, progress: 'completed', completedOn: '2026-11-02' }],
    });
  });

  it('leaves a colleague’s task out of the save when this user did not touch it', () => {
    const base = draftOf(report([entry(10), entry(11)]));
    const next = structuredClone(base);
    next.entries[10] = { ...next.entries[10]!, result: 'Hoàn thành' };
    const changes = changesBetween(base, next);
    expect(changes?.entries?.map((e) => e.id)).toEqual([10]);
  });

  it('lists the typed texts the server has not got, labelled with their task, after a conflict', () => {
    const base = draftOf(report([entry(10)]));
    const next = structuredClone(base);
    next.difficulties = 'Thiếu nhân lực';
    next.entries[10] = { ...next.entries[10]!, result: 'Đã họp', proposals: '' };
    expect(unsavedTexts(base, next, (id) => `Nhiệm vụ ${id}`)).toEqual([
      { label: 'Khó khăn, vướng mắc chung', value: 'Thiếu nhân lực' },
      { label: 'Nhiệm vụ 10 — Kết quả thực hiện', value: 'Đã họp' },
    ]);
  });
});

describe('checks before sending a report', () => {
  it('asks for a progress on every led task and a past completion date on finished ones', () => {
    const r = report([entry(10), entry(11), entry(12)], [entry(20, { role: 'support' })]);
    const d = draftOf(r);
    d.entries[11] = { ...d.entries[11]!, progress: 'completed' };
    d.entries[12] = { ...d.entries[12]!, progress: 'completed', completedOn: '2999-01-01' };
    const errors = checkBeforeSubmit(r, d);
    expect(errors).toEqual({
      10: { progress: 'Hãy chọn tình hình thực hiện.' },
      11: { completedOn: 'Hãy chọn ngày hoàn thành.' },
      12: { completedOn: 'Ngày hoàn thành không được ở tương lai.' },
    });
    expect(countErrors(errors)).toBe(3);
  });

  it('puts the server’s refusal of a submit beside the tasks it names', () => {
    const refusal = new ApiError({
      code: 'VALIDATION_FAILED',
      message: 'Báo cáo chưa đủ thông tin',
      status: 400,
      fields: [
        { path: 'entries.10.progress', message: 'Chưa chọn tình hình thực hiện' },
        { path: 'summary', message: 'không thuộc nhiệm vụ nào' },
      ],
    });
    expect(entryErrorsOf(refusal)).toEqual({ 10: { progress: 'Chưa chọn tình hình thực hiện' } });
    expect(entryErrorsOf(new Error('mạng'))).toEqual({});
  });
});
