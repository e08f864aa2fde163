import { describe, expect, it } from 'vitest';
import { proposeIndicators, subjectKey } from './indicators-from-targets';

const t = (
  id: number,
  subject: string,
  kind: 'average_growth' | 'level' | 'share' | 'count' | 'percentage',
  unit: string,
) => ({
  id,
  subject,
  kind,
  unit,
  text: subject,
});

describe('indicators proposed from a plan’s targets', () => {
  it('groups targets by subject, ignoring case, diacritics and punctuation', () => {
    expect(subjectKey('Tỷ trọng công nghiệp, xây dựng')).toBe(subjectKey('Tỷ trọng công nghiệp - xây dựng'));
  });

  it('makes one indicator per subject with the value kind its targets need (plan 148)', () => {
    const out = proposeIndicators([
      t(1, 'Chỉ số sản xuất công nghiệp', 'average_growth', '%/năm'),
      t(2, 'Kim ngạch xuất khẩu', 'average_growth', '%/năm'),
      t(3, 'Tỷ trọng công nghiệp, xây dựng', 'share', '%'),
      t(4, 'Kim ngạch xuất khẩu', 'level', 'tỷ USD'),
      t(5, 'Khu công nghiệp đưa vào hoạt động', 'count', 'KCN'),
      t(6, 'KCN, CCN có hệ thống xử lý nước thải', 'percentage', '%'),
      t(7, 'Tỷ trọng công nghiệp - xây dựng', 'share', '%'),
    ]);
    expect(out).toEqual([
      { code: 'CT01', name: 'Chỉ số sản xuất công nghiệp', unit: '%', valueKind: 'rate', targetIds: [1] },
      { code: 'CT02', name: 'Kim ngạch xuất khẩu', unit: 'tỷ USD', valueKind: 'level', targetIds: [2, 4] },
      {
        code: 'CT03',
        name: 'Tỷ trọng công nghiệp, xây dựng',
        unit: '%',
        valueKind: 'share',
        targetIds: [3, 7],
      },
      {
        code: 'CT04',
        name: 'Khu công nghiệp đưa vào hoạt động',
        unit: 'KCN',
        valueKind: 'count',
        targetIds: [5],
      },
      {
        code: 'CT05',
        name: 'KCN, CCN có hệ thống xử lý nước thải',
        unit: '%',
        valueKind: 'percentage',
        targetIds: [6],
      },
    ]);
  });

  it('proposes nothing for a plan without targets', () => {
    expect(proposeIndicators([])).toEqual([]);
  });
});
