import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/demo';
import { openTestContext, type TestContext } from '../../test/databases';
import { describeEachDatabase } from '../../test/describe-each-database';

describeEachDatabase('demo reporting data', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(async () => t?.close());

  it('opens the current annual period with sample reports in different states, once', async () => {
    await loadDemoData(t.ctx);
    await loadDemoData(t.ctx);
    const periods = await t.ctx.db.selectFrom('reporting_periods').selectAll().execute();
    expect(periods.length).toBe(1);
    expect(periods[0]).toMatchObject({ kind: 'annual', state: 'open' });
    const reports = await t.ctx.db
      .selectFrom('reports')
      .innerJoin('organisations', 'organisations.id', 'reports.organisation_id')
      .select(['organisations.code', 'reports.state', 'reports.summary'])
      .execute();
    const byCode = new Map(reports.map((r) => [r.code, r]));
    expect(byCode.get('SCT')?.state).toBe('accepted');
    expect(byCode.get('STC')?.state).toBe('returned');
    expect(byCode.get('SCT')?.summary).toContain('[Dữ liệu mẫu]');
    expect(reports.filter((r) => r.state === 'draft').length).toBeGreaterThan(3);
    const versions = await t.ctx.db.selectFrom('report_versions').select('id').execute();
    expect(versions.length).toBe(3);
  });
});
