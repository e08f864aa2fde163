import type { FastifyBaseLogger } from 'fastify';
import type { GenerationJob } from '../../../../shared/contracts/consolidated';
import type { RequestContext } from '../../../context';
import { notFound } from '../../../http/errors';
import { findPlanWithConsolidator } from '../consolidated/consolidated-repository';
import { assertCanEditConsolidated, assertCanReadConsolidated } from '../narrative/consolidated-policy';
import { REVIEW_KINDS, type ReviewKind } from '../review/review-model';
import { reviewPeriodOf } from '../review/review-service';
import { storedFileOf } from './generation-service';
import { findJob, listJobsOfSubject } from './job-repository';
import { failAbandoned, startGenerationJob, toGenerationJob } from './job-runner';

/**
 * A plan's mid-term and final reviews generated as tracked jobs (kinds `midterm`, `final`,
 * review-kind.ts). Who may: the consolidated report's rules (narrative/consolidated-policy.ts) —
 * reading and downloading: `reports.monitor` holders and admins; generating: the coordinators of the
 * plan's consolidating agency and admins. Permissions are checked before the review period is looked
 * up, so a refused caller learns nothing about the plan's periods.
 */
const LISTED = 50;

async function planOrNotFound(rc: RequestContext, planId: number) {
  const plan = await findPlanWithConsolidator(rc.db, planId);
  if (!plan) throw notFound('kế hoạch');
  return { ...plan, consolidator_org_id: plan.consolidator_id };
}

export async function startReviewGeneration(
  rc: RequestContext,
  planId: number,
  input: { kind: ReviewKind; year?: number | undefined },
  log: FastifyBaseLogger,
): Promise<GenerationJob> {
  assertCanReadConsolidated(rc.actor);
  const plan = await planOrNotFound(rc, planId);
  assertCanEditConsolidated(rc.actor, plan);
  // Refused in Vietnamese (404) when the plan has not opened that review period.
  const period = await reviewPeriodOf(rc.app, planId, input.kind, input.year);
  const id = await startGenerationJob(rc, { kind: input.kind, periodId: period.id, subjectId: planId }, log);
  const row = await findJob(rc.db, id);
  if (!row) throw notFound('việc lập tài liệu');
  return toGenerationJob(row);
}

/** The plan's generated reviews, newest first; a dead process's jobs are failed first. */
export async function listReviewGenerations(rc: RequestContext, planId: number) {
  assertCanReadConsolidated(rc.actor);
  await planOrNotFound(rc, planId);
  await failAbandoned(rc.app);
  const rows = await listJobsOfSubject(rc.db, REVIEW_KINDS, planId, LISTED);
  return { items: rows.map(toGenerationJob) };
}

export async function reviewGeneratedFile(rc: RequestContext, planId: number, jobId: number) {
  assertCanReadConsolidated(rc.actor);
  const job = await findJob(rc.db, jobId);
  if (!job || job.subject_id !== planId || !(REVIEW_KINDS as readonly string[]).includes(job.kind))
    throw notFound('báo cáo sơ kết, tổng kết đã lập của kế hoạch');
  return storedFileOf(rc, job);
}
