import type { Db } from '../../../db/db';
import { notFound } from '../../../http/errors';
import { planName } from '../consolidated/consolidated-model';
import { findPeriodOfPlan, findPlanWithConsolidator } from '../consolidated/consolidated-repository';
import { buildConsolidatedReport } from '../consolidated/consolidated-service';
import type { GenerationKind, GenerationSource } from './job-kinds';

/** The period's accepted reports with the number of the version that was accepted. */
async function acceptedReportVersions(db: Db, periodId: number): Promise<GenerationSource[]> {
  const rows = await db
    .selectFrom('reports')
    .innerJoin('organisations', 'organisations.id', 'reports.organisation_id')
    .select(['reports.id', 'reports.version_count', 'organisations.name'])
    .where('reports.period_id', '=', periodId)
    .where('reports.state', '=', 'accepted')
    .orderBy('organisations.name')
    .orderBy('reports.id')
    .execute();
  return rows.map((r) => ({ reportId: r.id, organisation: r.name, versionNo: r.version_count }));
}

/**
 * The consolidated annual report of a period (consolidated/consolidated-service.ts), with the
 * coordinator's edited narrative sections, as a generation job of kind `consolidated`.
 */
export const consolidatedGeneration: GenerationKind = {
  label: 'Báo cáo tổng hợp',
  async generate({ app, job, progress }) {
    if (job.periodId === null) throw notFound('kỳ báo cáo');
    const period = await findPeriodOfPlan(app.db, job.periodId);
    if (!period) throw notFound('kỳ báo cáo');
    const plan = await findPlanWithConsolidator(app.db, period.plan_id);
    if (!plan) throw notFound('kế hoạch');
    await progress(10);
    const sources = await acceptedReportVersions(app.db, period.id);
    await progress(25);
    const bytes = await buildConsolidatedReport(app, { planId: plan.id, periodId: period.id });
    await progress(85);
    return {
      bytes,
      filename: `Báo cáo tổng hợp ${plan.number ?? planName(plan)} năm ${period.year}.docx`,
      sources,
    };
  },
};
