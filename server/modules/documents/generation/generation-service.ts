import type { FastifyBaseLogger } from 'fastify';
import type { GenerationJob } from '../../../../shared/contracts/consolidated';
import type { RequestContext } from '../../../context';
import { fileStoreOf } from '../../../files/select-file-store';
import { AppError, notFound } from '../../../http/errors';
import { assertCanEditConsolidated, assertCanReadConsolidated } from '../narrative/consolidated-policy';
import { findPeriodWithConsolidator } from '../narrative/narrative-repository';
import { attachmentDisposition, contentTypeOf } from './disposition';
import { generationKind } from './job-kinds';
import { findJob, type JobRow, listJobsOfPeriod } from './job-repository';
import { failAbandoned, startGenerationJob, toGenerationJob } from './job-runner';

const LISTED = 50;

async function periodOrNotFound(rc: RequestContext, periodId: number) {
  const period = await findPeriodWithConsolidator(rc.db, periodId);
  if (!period) throw notFound('kỳ báo cáo');
  return period;
}

/** Starts a document of `kind` for the period; answers the queued job. */
export async function startPeriodGeneration(
  rc: RequestContext,
  periodId: number,
  kind: string,
  log: FastifyBaseLogger,
): Promise<GenerationJob> {
  assertCanReadConsolidated(rc.actor);
  const period = await periodOrNotFound(rc, periodId);
  const def = generationKind(kind);
  if (!def) throw new AppError('VALIDATION_FAILED', `Không có loại tài liệu “${kind}” để lập.`);
  if ((def.scope ?? 'period') !== 'period')
    throw new AppError(
      'VALIDATION_FAILED',
      def.scope === 'plan'
        ? `${def.label} được lập ở trang kỳ báo cáo của kế hoạch (mục “Sơ kết, tổng kết”), không lập theo một kỳ.`
        : `${def.label} được lập ở trang báo cáo của cơ quan đó.`,
    );
  const target = {
    periodId,
    consolidator_org_id: period.consolidator_org_id,
    consolidator_name: period.consolidator_name,
  };
  if (def.assertCanStart) def.assertCanStart(rc.actor, target);
  else assertCanEditConsolidated(rc.actor, target);
  const id = await startGenerationJob(rc, { kind, periodId }, log);
  const row = await findJob(rc.db, id);
  if (!row) throw notFound('việc lập tài liệu');
  return toGenerationJob(row);
}

/** The period's generations, newest first, with their files; a dead process's jobs are failed first. */
export async function listPeriodGenerations(rc: RequestContext, periodId: number) {
  assertCanReadConsolidated(rc.actor);
  await periodOrNotFound(rc, periodId);
  await failAbandoned(rc.app);
  const rows = await listJobsOfPeriod(rc.db, periodId, LISTED);
  return { items: rows.map(toGenerationJob) };
}

/** A generated file of the period: its bytes, media type and Content-Disposition. */
export async function generatedFile(rc: RequestContext, periodId: number, jobId: number) {
  assertCanReadConsolidated(rc.actor);
  const job = await findJob(rc.db, jobId);
  if (!job || job.period_id !== periodId || job.subject_id !== null)
    throw notFound('tài liệu đã lập của kỳ báo cáo');
  return storedFileOf(rc, job);
}

/** A finished job's stored file: its bytes, media type and Content-Disposition. */
export async function storedFileOf(rc: RequestContext, job: JobRow) {
  if (job.status !== 'done' || job.file_sha256 === null || job.file_name === null)
    throw new AppError('CONFLICT', 'Tài liệu chưa lập xong nên chưa tải về được.');
  const bytes = await fileStoreOf(rc.app).get(job.file_sha256);
  if (!bytes) throw notFound('tệp đã lập trong kho lưu trữ');
  return { bytes, type: contentTypeOf(job.file_name), disposition: attachmentDisposition(job.file_name) };
}
