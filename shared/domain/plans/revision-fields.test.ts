import { describe, expect, it } from 'vitest';
import { describeRevisionChanges, revisionTitle, showRevisionValue } from './revision-fields';

describe('plan revision history in Vietnamese', () => {
  it('writes dates dd/mm/yyyy, agencies joined, numbers the Vietnamese way, empty as null', () => {
    expect(showRevisionValue('issuedOn', '2021-09-27')).toBe('27/09/2021');
    expect(showRevisionValue('leads', ['Sở Công Thương', 'Sở Tài chính'])).toBe(
      'Sở Công Thương; Sở Tài chính',
    );
    expect(showRevisionValue('min', 8.5)).toBe('8,5');
    expect(showRevisionValue('toYear', 2025)).toBe('2025');
    expect(showRevisionValue('kind', 'average_growth')).toBe('Tăng bình quân/năm');
    expect(showRevisionValue('approximate', true)).toBe('Có');
    expect(showRevisionValue('product', '')).toBeNull();
    expect(showRevisionValue('coordinators', [])).toBeNull();
  });

  it('lists changed fields in a fixed order with their Vietnamese names', () => {
    expect(
      describeRevisionChanges({ deadline: '2022', content: 'A' }, { deadline: '2026', content: 'B' }),
    ).toEqual([
      { field: 'content', label: 'Nội dung', before: 'A', after: 'B' },
      { field: 'deadline', label: 'Thời hạn hoàn thành', before: '2022', after: '2026' },
    ]);
  });

  it('titles each revision', () => {
    expect(revisionTitle({ subject: 'task', action: 'update', label: '5', after: {} })).toBe(
      'Sửa nhiệm vụ 5',
    );
    expect(
      revisionTitle({ subject: 'task', action: 'remove', label: '7', after: { removedOn: '2027-01-01' } }),
    ).toBe('Bãi bỏ nhiệm vụ 7 từ ngày 01/01/2027');
    expect(revisionTitle({ subject: 'target', action: 'add', label: 'Kim ngạch xuất khẩu', after: {} })).toBe(
      'Thêm chỉ tiêu “Kim ngạch xuất khẩu”',
    );
    expect(revisionTitle({ subject: 'plan', action: 'update', label: 'x', after: {} })).toBe(
      'Sửa thông tin chung của kế hoạch',
    );
    // The undo of a plan's end, and a task taken over given back by it.
    const undone = { endedOn: '2026-12-01', endKind: 'replaced', replacedBy: '505/KH-UBND' };
    expect(
      revisionTitle({
        subject: 'plan',
        action: 'update',
        label: 'x',
        before: undone,
        after: { endedOn: null },
      }),
    ).toBe('Hoàn tác thay thế kế hoạch bằng 505/KH-UBND');
    expect(
      revisionTitle({
        subject: 'plan',
        action: 'update',
        label: 'x',
        before: { endedOn: '2026-12-01', endKind: 'annulled' },
        after: { endedOn: null },
      }),
    ).toBe('Hoàn tác bãi bỏ kế hoạch');
    expect(
      revisionTitle({ subject: 'task', action: 'remove', label: '3', after: { returnedTo: '504/KH-UBND' } }),
    ).toBe('Trả nhiệm vụ 3 về 504/KH-UBND');
  });
});
