import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../test/databases';
import { describeEachDatabase } from '../test/describe-each-database';
import { loadDemoData } from './demo';

describeEachDatabase('demo: public figures for the sample plan’s indicators', (dialect) => {
  let t: TestContext;
  const values = () =>
    t.ctx.db
      .selectFrom('indicator_values')
      .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
      .select([
        'indicators.name',
        'indicators.owner_org_id',
        'indicator_values.year',
        'indicator_values.value',
        'indicator_values.status',
        'indicator_values.source',
        'indicator_values.review_state',
        'indicator_values.is_sample',
      ])
      .orderBy('indicators.code')
      .orderBy('indicator_values.year')
      .execute();

  beforeAll(async () => {
    t = await openTestContext(dialect);
    await loadDemoData(t.ctx);
  });
  afterAll(() => t.close());

  it('loads the published figures, each with its source, accepted', async () => {
    const rows = await values();
    expect(rows.map((r) => [r.name, r.year, r.value, r.status])).toEqual([
      ['Chỉ số sản xuất công nghiệp', 2021, 8.82, 'official'],
      ['Chỉ số sản xuất công nghiệp', 2022, 10.5, 'preliminary'],
      ['Chỉ số sản xuất công nghiệp', 2023, 6.35, 'estimate'],
      ['Kim ngạch xuất khẩu', 2022, 6.3, 'preliminary'],
      ['Tỷ trọng công nghiệp, xây dựng', 2020, 61.32, 'official'],
      ['Tỷ trọng công nghiệp, xây dựng', 2021, 63.67, 'official'],
      ['Tỷ trọng công nghiệp, xây dựng', 2022, 63.91, 'preliminary'],
      ['Tỷ trọng công nghiệp, xây dựng', 2023, 61.7, 'estimate'],
    ]);
    for (const r of rows) {
      expect(r.source).toContain('Cục Thống kê tỉnh Hưng Yên');
      expect(r.review_state).toBe('accepted');
      expect(r.is_sample).toBe(0);
    }
  });

  it('stores no 2025 export value (4,2 tỷ USD is a half-year figure) and no industrial-park count', async () => {
    const rows = await values();
    expect(rows.some((r) => r.name === 'Kim ngạch xuất khẩu' && r.year === 2025)).toBe(false);
    expect(rows.some((r) => r.name === 'Khu công nghiệp đưa vào hoạt động')).toBe(false);
    const exportIndicator = await t.ctx.db
      .selectFrom('indicators')
      .select('definition')
      .where('name', '=', 'Kim ngạch xuất khẩu')
      .executeTakeFirstOrThrow();
    expect(exportIndicator.definition).toContain('6 tháng đầu năm 2025 đạt khoảng 4,2 tỷ USD');
  });

  it('loads them once: starting the demo again adds nothing', async () => {
    const before = (await values()).length;
    await loadDemoData(t.ctx);
    expect((await values()).length).toBe(before);
  });
});
