import { sql } from 'kysely';
import type {
  ReportDetail,
  ResubmitEntryRequest,
  ReviewEntryRequest,
} from '../../../shared/contracts/reporting';
import { reportPath } from '../../../shared/domain/app-links';
import { planTag } from '../../../shared/domain/plans/short-title';
import { isLate, localDate } from '../../../shared/domain/reporting/local-date';
import { inTransaction, type RequestContext } from '../../context';
import type { Db } from '../../db/db';
import { AppError, conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { coordinatorsOf, notify, reportersOf } from './notifications';
import { bumpVersion, requireRealEntryDates, staleVersion, writeEntry } from './report-entries';
import { assertCanResubmitEntry } from './report-policy';
import { findReport, reportDetail } from './report-service';
import { refreshReportStatuses } from './task-status-store';
import { buildSnapshot } from './versions';
import { acceptWhole, lastVersionNo, planOf } from './workflow';

/**
 * Per-task confirmation inside a report (issue 13, item 7). While a report is sent, the coordinator
 * accepts or returns one task's entry with a comment; a returned entry no longer counts (task statuses
 * read only entries not returned), and the agency corrects and sends that entry again on its own while
 * the rest stays accepted or under review. When every task is accepted the report is accepted as a
 * whole (workflow.ts `acceptWhole`), so the consolidated report and rates, which read accepted reports,
 * never count a returned entry.
 */

async function findEntry(db: Db, reportId: number, entryId: number) {
  const e = await db
    .selectFrom('report_entries as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .select(['e.id', 'e.role', 'e.review_state', 'e.progress', 'e.completed_on', 't.ordinal'])
    .where('e.report_id', '=', reportId)
    .where('e.id', '=', entryId)
    .executeTakeFirst();
  if (!e) throw notFound('nhiệm vụ trong báo cáo');
  return e;
}

async function allAccepted(db: Db, reportId: number): Promise<boolean> {
  const open = await db
    .selectFrom('report_entries')
    .select('id')
    .where('report_id', '=', reportId)
    .where('review_state', '!=', 'accepted')
    .executeTakeFirst();
  return open === undefined;
}

/** The coordinator accepts or returns one task's entry of a sent report. */
export async function reviewEntry(
  rc: RequestContext,
  reportId: number,
  entryId: number,
  body: ReviewEntryRequest,
): Promise<ReportDetail> {
  const { app: ctx, actor } = rc;
  await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const r = await findReport(trx, reportId);
    if (r.state !== 'submitted')
      throw conflict(
        r.state === 'accepted'
          ? 'Báo cáo đã được tiếp nhận.'
          : 'Chỉ chấp nhận hoặc trả lại được nhiệm vụ của báo cáo đã gửi.',
      );
    const e = await findEntry(trx, reportId, entryId);
    if (r.version !== body.version) throw await staleVersion(trx, reportId);
    if (e.review_state === 'accepted') throw conflict(`Nhiệm vụ ${e.ordinal} đã được chấp nhận.`);
    if (e.review_state === 'returned')
      throw conflict(`Nhiệm vụ ${e.ordinal} đã bị trả lại và đang chờ cơ quan sửa, gửi lại.`);
    const now = tx.now();
    const accept = body.decision === 'accept';
    await trx
      .updateTable('report_entries')
      .set({
        review_state: accept ? 'accepted' : 'returned',
        review_comment: accept ? null : body.comment,
        reviewed_at: now,
        reviewed_by: actor.id,
      })
      .where('id', '=', entryId)
      .execute();
    await audit(tx, {
      action: accept ? 'report.entry_accepted' : 'report.entry_returned',
      entity: 'report',
      entityId: reportId,
      detail: { entryId, task: e.ordinal, ...(accept ? {} : { comment: body.comment }) },
    });
    if (accept) {
      // The last task accepted: the report is accepted as a whole.
      if (await allAccepted(trx, reportId)) return acceptWhole(tx, r, body.version, now);
      await bumpVersion(trx, reportId, body.version, {}, actor.id);
      return;
    }
    await bumpVersion(trx, reportId, body.version, {}, actor.id);
    // The returned entry no longer speaks for its task.
    await refreshReportStatuses(trx, reportId, localDate(now));
    const plan = planOf(r);
    await notify(tx, {
      recipients: await reportersOf(trx, [r.organisation_id]),
      kind: 'report_entry_returned',
      title: `Nhiệm vụ ${e.ordinal} bị trả lại: ${r.period_title} · ${planTag(plan)}`,
      body: `Kết quả nhiệm vụ ${e.ordinal} trong báo cáo "${r.period_title}" của ${r.organisation_name} bị trả lại để sửa; các nhiệm vụ khác không phải gửi lại.\nNhận xét: ${body.comment}`,
      link: reportPath(reportId),
      dedupeKey: `entry-returned:${entryId}:${now}`,
      email: true,
      plan,
    });
  });
  return reportDetail(ctx, actor, await findReport(ctx.db, reportId));
}

/** The agency corrects a returned task's entry and sends it again on its own (a new version is kept). */
export async function resubmitEntry(
  rc: RequestContext,
  reportId: number,
  entryId: number,
  body: ResubmitEntryRequest,
): Promise<ReportDetail> {
  const { app: ctx, actor } = rc;
  requireRealEntryDates(body.entry, 'entry.');
  await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const r = await findReport(trx, reportId);
    assertCanResubmitEntry(actor, r, r.period_state);
    const e = await findEntry(trx, reportId, entryId);
    if (e.review_state !== 'returned')
      throw conflict(`Nhiệm vụ ${e.ordinal} không bị trả lại nên không phải gửi lại.`);
    if (r.version !== body.version) throw await staleVersion(trx, reportId);
    const now = tx.now();
    const files = await writeEntry(
      trx,
      reportId,
      { ...body.entry, id: entryId },
      {
        actorId: actor.id,
        now,
        path: 'entry',
      },
    );
    const after = await findEntry(trx, reportId, entryId);
    const today = localDate(now);
    const missing =
      after.role === 'lead' && after.progress === null
        ? { path: 'entry.progress', message: `Nhiệm vụ ${e.ordinal}: chưa chọn tình hình thực hiện` }
        : after.progress === 'completed' && after.completed_on === null
          ? { path: 'entry.completedOn', message: `Nhiệm vụ ${e.ordinal}: chưa ghi ngày hoàn thành` }
          : after.completed_on !== null && after.completed_on > today
            ? { path: 'entry.completedOn', message: `Nhiệm vụ ${e.ordinal}: ngày hoàn thành ở tương lai` }
            : null;
    if (missing) throw new AppError('VALIDATION_FAILED', `Chưa gửi lại được: ${missing.message}.`, [missing]);
    await trx
      .updateTable('report_entries')
      .set({ review_state: 'pending' })
      .where('id', '=', entryId)
      .execute();
    const versionNo = (await lastVersionNo(trx, reportId)) + 1;
    await bumpVersion(
      trx,
      reportId,
      body.version,
      { submitted_at: now, submitted_by: actor.id, version_count: sql`version_count + 1` },
      actor.id,
    );
    // Every sending is kept: the report as it stands with the corrected task.
    await trx
      .insertInto('report_versions')
      .values({
        report_id: reportId,
        version_no: versionNo,
        snapshot_json: JSON.stringify(await buildSnapshot(trx, reportId)),
        late: isLate(now, r.period_due_on) ? 1 : 0,
        submitted_by: actor.id,
        submitted_at: now,
      })
      .execute();
    await refreshReportStatuses(trx, reportId, today);
    const plan = planOf(r);
    await notify(tx, {
      recipients: await coordinatorsOf(trx, r.plan_id),
      kind: 'report_submitted',
      title: `${r.organisation_name} đã gửi lại nhiệm vụ ${e.ordinal} · ${planTag(plan)}`,
      body: `${r.organisation_name} đã sửa và gửi lại kết quả nhiệm vụ ${e.ordinal} trong báo cáo "${r.period_title}".`,
      link: reportPath(reportId),
      dedupeKey: `entry-resubmitted:${reportId}:${versionNo}`,
      email: false,
      plan,
    });
    await audit(tx, {
      action: 'report.entry_resubmitted',
      entity: 'report',
      entityId: reportId,
      detail: { entryId, task: e.ordinal, versionNo, ...(files ? { files: [files] } : {}) },
    });
  });
  return reportDetail(ctx, actor, await findReport(ctx.db, reportId));
}
