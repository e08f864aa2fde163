import { describe, expect, it } from 'vitest';
import { evaluateTarget } from './evaluate';
import type { DataStatus, IndicatorValue, TargetSpec } from './types';

/** Figures from a year → value map, all with one status. */
function series(byYear: Record<number, number>, status: DataStatus = 'official'): IndicatorValue[] {
  return Object.entries(byYear).map(([year, value]) => ({ year: Number(year), value, status }));
}

// The targets of Kế hoạch 148/KH-UBND (Hưng Yên, 2021), as the importer reads them.
const IIP: TargetSpec = {
  kind: 'average_growth',
  min: 9,
  max: 10,
  unit: '%/năm',
  fromYear: 2021,
  toYear: 2025,
  approximate: false,
};
const EXPORT_GROWTH: TargetSpec = { ...IIP, min: 9.5, max: 10 };
const EXPORT_LEVEL: TargetSpec = {
  kind: 'level',
  min: 8.5,
  max: 8.5,
  unit: 'tỷ USD',
  fromYear: null,
  toYear: 2025,
  approximate: false,
};
const INDUSTRY_SHARE: TargetSpec = { ...EXPORT_LEVEL, kind: 'share', min: 66, max: 66, unit: '%' };
const SHARE_2030: TargetSpec = { ...INDUSTRY_SHARE, min: 70, max: 70, toYear: 2030, approximate: true };
const PARKS: TargetSpec = { ...EXPORT_LEVEL, kind: 'count', min: 4, max: 4, unit: 'KCN', approximate: true };
const WASTEWATER: TargetSpec = { ...EXPORT_LEVEL, kind: 'percentage', min: 100, max: 100, unit: '%' };
const POVERTY: TargetSpec = { ...EXPORT_LEVEL, kind: 'percentage', min: null, max: 1, unit: '%' };

describe('evaluateTarget: average growth from yearly rates (IIP 9–10%/năm, 2021–2025)', () => {
  it('on_track when the remaining years need less than the target rate', () => {
    // Π = 1,1³ = 1,331; need (1,09⁵ / 1,331)^(1/2) − 1 = (1,538624 / 1,331)^½ − 1 = 1,155991^½ − 1 = 7,517%
    const r = evaluateTarget(IIP, { values: series({ 2021: 10, 2022: 10, 2023: 10 }) }, '2024-05-01');
    expect(r.status).toBe('on_track');
    expect(r.label).toBe('Đúng tiến độ');
    expect(r.required).toBeCloseTo(7.517, 3);
    expect(r.reason).toBe(
      'Bình quân 2021–2023 đạt 10%/năm; cần tăng bình quân 7,52%/năm trong 2024–2025 để đạt 9%/năm',
    );
  });

  it('at_risk for the real IIP figures: 9,69%/năm still needed against a 9% target (≤ 1,5 × 9 = 13,5)', () => {
    // geometric mean 8,5433 → published 8,54; need 9,6887 (see growth.test.ts)
    const r = evaluateTarget(IIP, { values: series({ 2021: 8.82, 2022: 10.5, 2023: 6.35 }) }, '2024-05-01');
    expect(r.status).toBe('at_risk');
    expect(r.label).toBe('Có nguy cơ không đạt');
    expect(r.required).toBeCloseTo(9.6887, 4);
    expect(r.latest).toEqual({ year: 2023, value: 6.35, status: 'official' });
    expect(r.reason).toBe(
      'Bình quân 2021–2023 đạt 8,54%/năm; cần tăng bình quân 9,69%/năm trong 2024–2025 để đạt 9%/năm',
    );
  });

  it('off_track when the remaining years would need more than 1,5 × the target rate', () => {
    // Π = 1,03 × 1,02 × 1,04 = 1,092624; need (1,538624 / 1,092624)^½ − 1 = 1,408191^½ − 1 = 18,667% > 13,5
    const r = evaluateTarget(IIP, { values: series({ 2021: 3, 2022: 2, 2023: 4 }) }, '2024-05-01');
    expect(r.status).toBe('off_track');
    expect(r.label).toBe('Khó có khả năng đạt');
    expect(r.required).toBeCloseTo(18.667, 3);
  });

  it('met, exceeded or missed once the period is over and all figures are in', () => {
    const five = (rate: number) => ({
      values: series({ 2021: rate, 2022: rate, 2023: rate, 2024: rate, 2025: rate }),
    });
    // constant 9,5 → average 9,5, inside 9–10
    const met = evaluateTarget(IIP, five(9.5), '2026-03-01');
    expect([met.status, met.label, met.required]).toEqual(['met', 'Đạt', null]);
    expect(met.reason).toBe('Bình quân 2021–2025 đạt 9,5%/năm; đạt mục tiêu 9–10%/năm');
    // constant 11 → above the upper bound 10
    const exceeded = evaluateTarget(IIP, five(11), '2026-03-01');
    expect([exceeded.status, exceeded.label]).toEqual(['exceeded', 'Vượt']);
    // constant 8 → 1 point short of 9
    const missed = evaluateTarget(IIP, five(8), '2026-03-01');
    expect([missed.status, missed.label]).toEqual(['missed', 'Không đạt']);
    expect(missed.reason).toBe(
      'Bình quân 2021–2025 đạt 8%/năm; không đạt mục tiêu 9–10%/năm (thiếu 1 điểm phần trăm)',
    );
  });

  it('a range is met at its lower bound exactly', () => {
    const r = evaluateTarget(
      IIP,
      { values: series({ 2021: 9, 2022: 9, 2023: 9, 2024: 9, 2025: 9 }) },
      '2026-01-01',
    );
    expect(r.status).toBe('met');
  });

  it('no_data without figures in the period', () => {
    const r = evaluateTarget(IIP, { values: series({ 2019: 7 }) }, '2024-05-01');
    expect(r).toEqual({
      status: 'no_data',
      label: 'Chưa có số liệu',
      reason: 'Chưa có số liệu cho giai đoạn 2021–2025',
      required: null,
      latest: null,
    });
  });

  it('gives no final verdict after the period while the last year is missing', () => {
    // 2021–2024 at 9%: 2025 needs exactly 9% → on track, but not yet "met"
    const r = evaluateTarget(IIP, { values: series({ 2021: 9, 2022: 9, 2023: 9, 2024: 9 }) }, '2026-02-01');
    expect(r.status).toBe('on_track');
    expect(r.required).toBeCloseTo(9, 9);
    expect(r.reason).toBe(
      'Bình quân 2021–2024 đạt 9%/năm; cần tăng 9% trong năm 2025 để đạt 9%/năm; chưa có số liệu năm 2025 nên chưa kết luận',
    );
  });

  it('counts a missing middle year among the years still needed', () => {
    const r = evaluateTarget(IIP, { values: series({ 2021: 10, 2023: 10 }) }, '2024-05-01');
    // Π = 1,1² = 1,21; need (1,538624 / 1,21)^(1/3) − 1 = 1,271590^(1/3) − 1;
    // ln 1,271590 = 0,240266, / 3 = 0,080089, e^0,080089 = 1,083383 → 8,338%
    expect(r.required).toBeCloseTo(8.338, 3);
    expect(r.reason).toContain('trong 2022, 2024–2025');
  });

  it('uses the official figure when an estimate of the same year exists', () => {
    const values: IndicatorValue[] = [
      { year: 2021, value: 8.82, status: 'official' },
      { year: 2022, value: 10.5, status: 'official' },
      { year: 2023, value: 3, status: 'estimate' },
      { year: 2023, value: 6.35, status: 'official' },
    ];
    const r = evaluateTarget(IIP, { values }, '2024-05-01');
    // with the estimate 3% it would be off track (need > 13,5); with the official 6,35% it is 9,6887
    expect(r.status).toBe('at_risk');
    expect(r.required).toBeCloseTo(9.6887, 4);
    expect(r.latest).toEqual({ year: 2023, value: 6.35, status: 'official' });
  });

  it('says when the figures used are provisional', () => {
    const r = evaluateTarget(IIP, { values: series({ 2021: 10, 2022: 10 }, 'preliminary') }, '2023-03-01');
    expect(r.reason).toMatch(/^Bình quân 2021–2022 đạt 10%\/năm \(số liệu sơ bộ\); /);
  });
});

describe('evaluateTarget: average growth tracked through levels (export 9,5–10%/năm)', () => {
  it('compounds from the base level', () => {
    // base 2020: 5,0; 2023: 6,3 → (6,3 / 5)^(1/3) − 1 = 1,26^(1/3) − 1 = 8,008%/năm
    // target level 2025 = 5 × 1,095⁵ = 5 × 1,574239 = 7,871194; need (7,871194 / 6,3)^½ − 1 = 11,776%
    // 11,776 ≤ 1,5 × 9,5 = 14,25 → at risk
    const r = evaluateTarget(
      EXPORT_GROWTH,
      { values: series({ 2021: 5.5, 2022: 6.0, 2023: 6.3 }), baseLevel: { year: 2020, value: 5 } },
      '2024-04-01',
    );
    expect(r.status).toBe('at_risk');
    expect(r.required).toBeCloseTo(11.776, 3);
    expect(r.reason).toBe(
      'Bình quân 2021–2023 đạt 8,01%/năm; cần tăng bình quân 11,78%/năm trong 2024–2025 để đạt 9,5%/năm',
    );
  });
});

describe('evaluateTarget: level (export 8,5 tỷ USD by 2025)', () => {
  it('on_track when the growth still needed is below the planned pace', () => {
    // need 8,5 / 7,8 − 1 = 8,974%; planned from 2022: (8,5 / 6,3)^(1/3) − 1 = 10,499% → on track
    // trend: slope 0,75 → 2025: 8,5333 (see growth.test.ts)
    const r = evaluateTarget(
      EXPORT_LEVEL,
      { values: series({ 2022: 6.3, 2023: 7.0, 2024: 7.8 }) },
      '2025-03-01',
    );
    expect(r.status).toBe('on_track');
    expect(r.required).toBeCloseTo(8.9744, 4);
    expect(r.reason).toBe(
      'Năm 2024 đạt 7,8 tỷ USD; cần tăng 8,97% trong năm 2025 để đạt 8,5 tỷ USD; theo xu hướng, năm 2025 ước đạt 8,53 tỷ USD',
    );
  });

  it('at_risk when 2025 needs 14,25% against a planned 10,5%/năm', () => {
    // need 8,5 / 7,44 − 1 = 14,247% ≤ 1,5 × 10,499 = 15,749 → at risk
    // trend: ȳ = 6,78, slope (0,48 + 0,66) / 2 = 0,57 → 2025: 6,78 + 2 × 0,57 = 7,92 = 93,2% of 8,5 → at risk too
    const r = evaluateTarget(
      EXPORT_LEVEL,
      { values: series({ 2022: 6.3, 2023: 6.6, 2024: 7.44 }) },
      '2025-03-01',
    );
    expect(r.status).toBe('at_risk');
    expect(r.required).toBeCloseTo(14.2473, 4);
    expect(r.reason).toBe(
      'Năm 2024 đạt 7,44 tỷ USD; cần tăng 14,25% trong năm 2025 để đạt 8,5 tỷ USD; theo xu hướng, năm 2025 ước đạt 7,92 tỷ USD',
    );
  });

  it('off_track when neither the pace nor the trend comes close', () => {
    // need 8,5 / 6,2 − 1 = 37,1% > 15,75; trend ȳ = 6,1667, slope −0,05 → 2025: 6,0667 = 71% of 8,5
    const r = evaluateTarget(
      EXPORT_LEVEL,
      { values: series({ 2022: 6.3, 2023: 6.0, 2024: 6.2 }) },
      '2025-03-01',
    );
    expect(r.status).toBe('off_track');
    expect(r.required).toBeCloseTo(37.0968, 4);
  });

  it('at_risk with a single figure: no pace and no trend to show it is in reach', () => {
    const r = evaluateTarget(EXPORT_LEVEL, { values: series({ 2024: 7.44 }) }, '2025-03-01');
    expect(r.status).toBe('at_risk');
    expect(r.reason).toBe(
      'Năm 2024 đạt 7,44 tỷ USD; cần tăng 14,25% trong năm 2025 để đạt 8,5 tỷ USD; chưa đủ số liệu để xác định xu hướng',
    );
  });

  it('on_track once the level is already reached before the target year', () => {
    const r = evaluateTarget(EXPORT_LEVEL, { values: series({ 2023: 8.0, 2024: 8.6 }) }, '2025-03-01');
    expect(r.status).toBe('on_track');
    expect(r.reason).toBe('Năm 2024 đạt 8,6 tỷ USD; đã đạt mục tiêu 8,5 tỷ USD của năm 2025');
  });

  it('met, exceeded, missed after 2025', () => {
    const met = evaluateTarget(EXPORT_LEVEL, { values: series({ 2025: 8.5 }) }, '2026-04-01');
    expect([met.status, met.reason]).toEqual(['met', 'Năm 2025 đạt 8,5 tỷ USD; đạt mục tiêu 8,5 tỷ USD']);
    expect(evaluateTarget(EXPORT_LEVEL, { values: series({ 2025: 8.9 }) }, '2026-04-01').status).toBe(
      'exceeded',
    );
    const missed = evaluateTarget(EXPORT_LEVEL, { values: series({ 2024: 7.9, 2025: 8.0 }) }, '2026-04-01');
    expect([missed.status, missed.reason]).toEqual([
      'missed',
      'Năm 2025 đạt 8 tỷ USD; không đạt mục tiêu 8,5 tỷ USD (thiếu 0,5 tỷ USD)',
    ]);
  });

  it('ignores figures after the target year', () => {
    const r = evaluateTarget(EXPORT_LEVEL, { values: series({ 2025: 8.0, 2026: 9.0 }) }, '2027-01-01');
    expect(r.status).toBe('missed');
  });

  it('an estimate for the final year before it ends is an outlook, not a verdict', () => {
    const r = evaluateTarget(EXPORT_LEVEL, { values: series({ 2025: 8.6 }, 'estimate') }, '2025-12-20');
    expect(r.status).toBe('on_track');
    expect(r.reason).toBe(
      'Năm 2025 đạt 8,6 tỷ USD (số liệu ước tính); đạt mục tiêu 8,5 tỷ USD, năm 2025 chưa kết thúc nên chưa kết luận',
    );
    // 7,8 is 91,8% of 8,5 → at risk; 7,5 is 88,2% → off track
    expect(
      evaluateTarget(EXPORT_LEVEL, { values: series({ 2025: 7.8 }, 'estimate') }, '2025-12-20').status,
    ).toBe('at_risk');
    expect(
      evaluateTarget(EXPORT_LEVEL, { values: series({ 2025: 7.5 }, 'estimate') }, '2025-12-20').status,
    ).toBe('off_track');
  });

  it('no_data without figures', () => {
    const r = evaluateTarget(EXPORT_LEVEL, { values: [] }, '2025-03-01');
    expect([r.status, r.reason]).toEqual(['no_data', 'Chưa có số liệu đến năm 2025']);
  });
});

describe('evaluateTarget: share (industry and construction 66% by 2025)', () => {
  it('on_track, paced in percentage points', () => {
    // 64 → 66: 2 points in 2 years = 1 point/năm; planned (66 − 60) / (2025 − 2021) = 1,5 → on track
    // trend slope 2 → 2025: 64 + 2 × 2 = 68
    const r = evaluateTarget(
      INDUSTRY_SHARE,
      { values: series({ 2021: 60, 2022: 62, 2023: 64 }) },
      '2024-05-01',
    );
    expect(r.status).toBe('on_track');
    expect(r.required).toBe(2);
    expect(r.reason).toBe(
      'Năm 2023 đạt 64%; cần tăng thêm 2 điểm phần trăm (bình quân 1 điểm phần trăm/năm) trong 2024–2025 để đạt 66%; theo xu hướng, năm 2025 ước đạt 68%',
    );
  });

  it('at_risk when the pace is too slow but the trend comes within 10%', () => {
    // need 5 points / 2 = 2,5/năm vs planned 1,5 (> 1,5 × 1,5 = 2,25: off by pace);
    // trend slope 0,5 → 2025: 61 + 1 = 62 = 93,9% of 66 → at risk: the more hopeful reading counts
    const r = evaluateTarget(
      INDUSTRY_SHARE,
      { values: series({ 2021: 60, 2022: 60.5, 2023: 61 }) },
      '2024-05-01',
    );
    expect(r.status).toBe('at_risk');
    expect(r.required).toBe(5);
  });

  it('off_track when the share is falling', () => {
    // need 9 points; trend ȳ = 58,333, slope −1,5 → 2025: 58,333 − 3 = 55,33 = 83,8% of 66
    const r = evaluateTarget(
      INDUSTRY_SHARE,
      { values: series({ 2021: 60, 2022: 58, 2023: 57 }) },
      '2024-05-01',
    );
    expect(r.status).toBe('off_track');
  });

  it('missed and exceeded after 2025', () => {
    const missed = evaluateTarget(INDUSTRY_SHARE, { values: series({ 2025: 64 }) }, '2026-06-01');
    expect([missed.status, missed.reason]).toEqual([
      'missed',
      'Năm 2025 đạt 64%; không đạt mục tiêu 66% (thiếu 2 điểm phần trăm)',
    ]);
    expect(evaluateTarget(INDUSTRY_SHARE, { values: series({ 2025: 67 }) }, '2026-06-01').status).toBe(
      'exceeded',
    );
  });

  it('gives "khoảng 70%" a 2% relative tolerance', () => {
    // 70 × 0,98 = 68,6: 68,7 is met, 68,5 is missed; 70 × 1,02 = 71,4: 71,5 is exceeded
    expect(evaluateTarget(SHARE_2030, { values: series({ 2030: 68.7 }) }, '2031-06-01').status).toBe('met');
    expect(evaluateTarget(SHARE_2030, { values: series({ 2030: 68.5 }) }, '2031-06-01').status).toBe(
      'missed',
    );
    expect(evaluateTarget(SHARE_2030, { values: series({ 2030: 71.4 }) }, '2031-06-01').status).toBe('met');
    expect(evaluateTarget(SHARE_2030, { values: series({ 2030: 71.5 }) }, '2031-06-01').status).toBe(
      'exceeded',
    );
  });
});

describe('evaluateTarget: count (about 4 industrial parks by 2025)', () => {
  it('on_track, paced in parks a year', () => {
    // 3 now, 1 more in 2 years = 0,5/năm; planned (4 − 2) / (2025 − 2022) = 0,667/năm → on track
    const r = evaluateTarget(PARKS, { values: series({ 2022: 2, 2023: 3 }) }, '2024-02-01');
    expect(r.status).toBe('on_track');
    expect(r.required).toBe(1);
    expect(r.reason).toBe(
      'Năm 2023 đạt 3 KCN; cần tăng thêm 1 KCN (bình quân 0,5 KCN/năm) trong 2024–2025 để đạt khoảng 4 KCN; theo xu hướng, năm 2025 ước đạt 5 KCN',
    );
  });

  it('met, exceeded and missed after 2025', () => {
    // tolerance: 4 ± 2% = 3,92–4,08, so 4 is met, 5 exceeded, 3 missed
    expect(evaluateTarget(PARKS, { values: series({ 2025: 4 }) }, '2026-01-15').status).toBe('met');
    expect(evaluateTarget(PARKS, { values: series({ 2025: 5 }) }, '2026-01-15').status).toBe('exceeded');
    const missed = evaluateTarget(PARKS, { values: series({ 2025: 3 }) }, '2026-01-15');
    expect([missed.status, missed.reason]).toEqual([
      'missed',
      'Năm 2025 đạt 3 KCN; không đạt mục tiêu khoảng 4 KCN (thiếu 1 KCN)',
    ]);
  });
});

describe('evaluateTarget: percentage (100% of parks treat wastewater by 2025)', () => {
  it('off_track when both the pace and the trend fall short', () => {
    // need 16 points in 2025 vs planned (100 − 80) / 2 = 10/năm: 16 > 1,5 × 10 = 15;
    // trend slope 4 → 2025: 88 = 88% of 100 < 90%
    const r = evaluateTarget(WASTEWATER, { values: series({ 2023: 80, 2024: 84 }) }, '2025-02-01');
    expect(r.status).toBe('off_track');
    expect(r.required).toBe(16);
    expect(r.reason).toBe(
      'Năm 2024 đạt 84%; cần tăng thêm 16 điểm phần trăm trong năm 2025 để đạt 100%; theo xu hướng, năm 2025 ước đạt 88%',
    );
  });

  it('at_risk within 1,5 × the planned pace', () => {
    // need 14 points vs planned 10 → 14 ≤ 15
    const r = evaluateTarget(WASTEWATER, { values: series({ 2023: 80, 2024: 86 }) }, '2025-02-01');
    expect(r.status).toBe('at_risk');
  });

  it('met after 2025', () => {
    expect(evaluateTarget(WASTEWATER, { values: series({ 2025: 100 }) }, '2026-01-15').status).toBe('met');
  });
});

describe('evaluateTarget: lower-is-better target (poverty rate at most 1% by 2025)', () => {
  it('paces a fall and judges against the upper bound', () => {
    // 1,5 → 1: 0,5 points in 2 years = −0,25/năm; planned (1 − 2) / 3 = −0,333/năm → on track
    const r = evaluateTarget(POVERTY, { values: series({ 2022: 2, 2023: 1.5 }) }, '2024-03-01');
    expect(r.status).toBe('on_track');
    expect(r.required).toBe(0.5);
    expect(r.reason).toContain('cần giảm thêm 0,5 điểm phần trăm (bình quân 0,25 điểm phần trăm/năm)');
    expect(r.reason).toContain('để xuống 1%');
    expect(evaluateTarget(POVERTY, { values: series({ 2025: 0.8 }) }, '2026-02-01').status).toBe('met');
    expect(evaluateTarget(POVERTY, { values: series({ 2025: 1.2 }) }, '2026-02-01').status).toBe('missed');
  });
});

describe('evaluateTarget: incomplete targets and bad input', () => {
  it('no_data for a target without any figure', () => {
    const r = evaluateTarget(
      { ...EXPORT_LEVEL, min: null, max: null },
      { values: series({ 2024: 7 }) },
      '2025-01-01',
    );
    expect([r.status, r.reason]).toEqual(['no_data', 'Mục tiêu không có giá trị định lượng để đánh giá']);
  });

  it('without a target year: met when reached, at risk otherwise, never missed', () => {
    const open: TargetSpec = { ...EXPORT_LEVEL, toYear: null };
    expect(evaluateTarget(open, { values: series({ 2030: 9 }) }, '2031-01-01').status).toBe('exceeded');
    const r = evaluateTarget(open, { values: series({ 2030: 8 }) }, '2031-01-01');
    expect(r.status).toBe('at_risk');
    expect(r.reason).toContain('mục tiêu không ghi năm cần đạt');
  });

  it('rejects a malformed today', () => {
    expect(() => evaluateTarget(IIP, { values: [] }, '01/05/2024')).toThrow(RangeError);
  });
});
