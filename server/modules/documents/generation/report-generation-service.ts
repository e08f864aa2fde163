import type { FastifyBaseLogger } from 'fastify';
import type { GenerationJob } from '../../../../shared/contracts/consolidated';
import { can } from '../../../../shared/domain/auth/permissions';
import type { RequestContext } from '../../../context';
import { forbidden, notFound } from '../../../http/errors';
import { assertCanRead } from '../../reporting/report-policy';
import { findReport } from '../../reporting/report-service';
import { AGENCY_REPORT_KIND } from './agency-kind';
import { storedFileOf } from './generation-service';
import { findJob, listJobsOfSubject } from './job-repository';
import { failAbandoned, startGenerationJob, toGenerationJob } from './job-runner';

/**
 * An agency's own report generated as a tracked job (kind `agency_report`, agency-kind.ts), listed on
 * the report's page. Listing and downloading: whoever may read the report (report-policy.ts — its
 * agency in every state, coordinators and leaders, other agencies' reporters once accepted).
 * Generating: the agency's own users and those who supervise reports (`reports.monitor`), not another
 * agency's reporter reading an accepted report.
 */
const LISTED = 50;

async function readableReport(rc: RequestContext, reportId: number) {
  const row = await findReport(rc.db, reportId);
  assertCanRead(rc.actor, row);
  return row;
}

export async function startAgencyReportGeneration(
  rc: RequestContext,
  reportId: number,
  log: FastifyBaseLogger,
): Promise<GenerationJob> {
  const report = await readableReport(rc, reportId);
  if (report.organisation_id !== rc.actor.organisationId && !can(rc.actor.role, 'reports.monitor'))
    throw forbidden(
      `Chỉ ${report.organisation_name}, cán bộ tổng hợp và lãnh đạo mới lập được văn bản báo cáo này; bạn được xem báo cáo và tải các tệp đã lập.`,
    );
  const id = await startGenerationJob(
    rc,
    { kind: AGENCY_REPORT_KIND, periodId: report.period_id, subjectId: report.id },
    log,
  );
  const row = await findJob(rc.db, id);
  if (!row) throw notFound('việc lập tài liệu');
  return toGenerationJob(row);
}

export async function listAgencyReportGenerations(rc: RequestContext, reportId: number) {
  await readableReport(rc, reportId);
  await failAbandoned(rc.app);
  const rows = await listJobsOfSubject(rc.db, [AGENCY_REPORT_KIND], reportId, LISTED);
  return { items: rows.map(toGenerationJob) };
}

export async function agencyReportGeneratedFile(rc: RequestContext, reportId: number, jobId: number) {
  await readableReport(rc, reportId);
  const job = await findJob(rc.db, jobId);
  if (!job || job.subject_id !== reportId || job.kind !== AGENCY_REPORT_KIND)
    throw notFound('văn bản báo cáo đã lập');
  return storedFileOf(rc, job);
}
