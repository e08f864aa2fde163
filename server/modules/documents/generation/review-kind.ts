import type { Db } from '../../../db/db';
import { notFound } from '../../../http/errors';
import { findPeriodOfPlan, findPlanWithConsolidator } from '../consolidated/consolidated-repository';
import { REVIEW_WORD, type ReviewKind, spanText } from '../review/review-model';
import { loadReviewData, reviewDocx } from '../review/review-service';
import type { GenerationKind, GenerationSource } from './job-kinds';

/** The accepted reports of every period in the years `from`..`to`, each at the version accepted. */
async function acceptedReportVersionsInSpan(
  db: Db,
  planId: number,
  from: number,
  to: number,
): Promise<GenerationSource[]> {
  const rows = await db
    .selectFrom('reports')
    .innerJoin('reporting_periods as p', 'p.id', 'reports.period_id')
    .innerJoin('organisations', 'organisations.id', 'reports.organisation_id')
    .select(['reports.id', 'reports.version_count', 'organisations.name', 'p.year'])
    .where('p.plan_id', '=', planId)
    .where('p.kind', 'in', ['annual', 'mid_term', 'final'])
    .where('p.year', '>=', from)
    .where('p.year', '<=', to)
    .where('reports.state', '=', 'accepted')
    .orderBy('p.year')
    .orderBy('organisations.name')
    .orderBy('reports.id')
    .execute();
  return rows.map((r) => ({
    reportId: r.id,
    organisation: `${r.name} (năm ${r.year})`,
    versionNo: r.version_count,
  }));
}

/**
 * The mid-term (sơ kết) or final (tổng kết) review of a plan (review/review-service.ts) as a generation
 * job: `periodId` is the review period, `subjectId` the plan. Kept with the accepted reports of every
 * year of the span it was drafted from, at their versions.
 */
function reviewGeneration(kind: ReviewKind): GenerationKind {
  return {
    label: `Báo cáo ${REVIEW_WORD[kind].toLocaleLowerCase('vi')}`,
    scope: 'plan',
    async generate({ app, job, progress }) {
      if (job.periodId === null || job.subjectId === null) throw notFound('kỳ báo cáo');
      const period = await findPeriodOfPlan(app.db, job.periodId);
      const plan = await findPlanWithConsolidator(app.db, job.subjectId);
      if (!period || !plan || period.plan_id !== plan.id) throw notFound('kỳ báo cáo');
      await progress(10);
      const data = await loadReviewData(app, { planId: plan.id, kind, year: period.year });
      await progress(30);
      const sources = await acceptedReportVersionsInSpan(app.db, plan.id, data.years[0]!, data.years.at(-1)!);
      await progress(40);
      const bytes = await reviewDocx(data);
      await progress(85);
      return {
        bytes,
        filename: `Báo cáo ${REVIEW_WORD[kind].toLocaleLowerCase('vi')} ${plan.number ?? plan.title} ${spanText(data.years)}.docx`,
        sources,
      };
    },
  };
}

export const midtermGeneration = reviewGeneration('midterm');
export const finalGeneration = reviewGeneration('final');
export const REVIEW_GENERATIONS: Record<ReviewKind, GenerationKind> = {
  midterm: midtermGeneration,
  final: finalGeneration,
};
