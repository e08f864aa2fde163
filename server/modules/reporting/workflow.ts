import { sql } from 'kysely';
import type { ReportDetail } from '../../../shared/contracts/reporting';
import { reportPath } from '../../../shared/domain/app-links';
import { planTag } from '../../../shared/domain/plans/short-title';
import { isLate, localDate } from '../../../shared/domain/reporting/local-date';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import type { Db } from '../../db/db';
import { AppError, conflict } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { notifyAgencies } from './agency-delivery';
import { coordinatorsOf, notify } from './notifications';
import { bumpVersion, staleVersion } from './report-entries';
import { assertCanEdit } from './report-policy';
import { entryRows } from './report-repository';
import { findReport, reportDetail } from './report-service';
import { refreshReportStatuses } from './task-status-store';
import { buildSnapshot } from './versions';

/** The report's plan, as notifications name it. */
export const planOf = (r: { plan_id: number; plan_number: string | null; plan_title: string }) => ({
  id: r.plan_id,
  number: r.plan_number,
  title: r.plan_title,
});

/** What must be filled in before a report can be sent: progress of every led task, completion dates. */
async function checkComplete(ctx: AppContext, reportId: number, today: string) {
  const entries = await entryRows(ctx.db, [reportId]);
  const fields: { path: string; message: string }[] = [];
  for (const e of entries) {
    if (e.role !== 'lead') continue;
    if (e.progress === null)
      fields.push({
        path: `entries.${e.id}.progress`,
        message: `Nhiệm vụ ${e.ordinal}: chưa chọn tình hình thực hiện`,
      });
    if (e.progress === 'completed' && e.completed_on === null)
      fields.push({
        path: `entries.${e.id}.completedOn`,
        message: `Nhiệm vụ ${e.ordinal}: chưa ghi ngày hoàn thành`,
      });
    if (e.completed_on !== null && e.completed_on > today)
      fields.push({
        path: `entries.${e.id}.completedOn`,
        message: `Nhiệm vụ ${e.ordinal}: ngày hoàn thành ở tương lai`,
      });
  }
  if (fields.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Báo cáo chưa đủ thông tin để gửi: ${fields.map((f) => f.message).join('; ')}.`,
      fields,
    );
  }
}

/**
 * Sends the report (first time or after a return): keeps a snapshot as a new version, never overwritten,
 * and records whether it came after the due date. The report's `late` flag is its first submission's
 * (that is what timeliness measures); every version keeps its own.
 */
export async function submitReport(
  rc: RequestContext,
  reportId: number,
  version: number,
): Promise<ReportDetail> {
  const { app: ctx, actor } = rc;
  const before = await findReport(ctx.db, reportId);
  assertCanEdit(actor, before, before.period_state);
  if (before.version !== version) throw await staleVersion(ctx.db, reportId);
  const now = rc.now();
  await checkComplete(ctx, reportId, localDate(now));
  await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const r = await findReport(trx, reportId);
    assertCanEdit(actor, r, r.period_state);
    const late = isLate(now, r.period_due_on);
    const last = await trx
      .selectFrom('report_versions')
      .select((eb) => eb.fn.max<number>('version_no').as('n'))
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    const versionNo = Number(last?.n ?? 0) + 1;
    const plan = planOf(r);
    await bumpVersion(
      trx,
      reportId,
      version,
      {
        state: 'submitted',
        submitted_at: now,
        submitted_by: actor.id,
        first_submitted_at: r.first_submitted_at ?? now,
        late: r.first_submitted_at === null ? (late ? 1 : 0) : r.late,
        // The version written just below; lists read the count from here (report-repository.ts).
        version_count: sql`version_count + 1`,
      },
      actor.id,
    );
    // Sent again as a whole: tasks returned on their own are waiting again (accepted ones stay accepted).
    await trx
      .updateTable('report_entries')
      .set({ review_state: 'pending' })
      .where('report_id', '=', reportId)
      .where('review_state', '=', 'returned')
      .execute();
    const snapshot = await buildSnapshot(trx, reportId);
    await trx
      .insertInto('report_versions')
      .values({
        report_id: reportId,
        version_no: versionNo,
        snapshot_json: JSON.stringify(snapshot),
        late: late ? 1 : 0,
        submitted_by: actor.id,
        submitted_at: now,
      })
      .execute();
    await refreshReportStatuses(trx, reportId, localDate(now));
    await notify(tx, {
      recipients: await coordinatorsOf(trx, r.plan_id),
      kind: 'report_submitted',
      title: `${r.organisation_name} đã gửi báo cáo${versionNo > 1 ? ` (lần ${versionNo})` : ''} · ${planTag(plan)}`,
      body: `${r.organisation_name} đã gửi báo cáo "${r.period_title}"${late ? ` sau hạn ${formatDateVi(r.period_due_on)}` : ''}.`,
      link: reportPath(reportId),
      dedupeKey: `submitted:${reportId}:${versionNo}`,
      email: false,
      plan,
    });
    await audit(tx, {
      action: 'report.submitted',
      entity: 'report',
      entityId: reportId,
      detail: { versionNo, late, dueOn: r.period_due_on },
    });
  });
  return reportDetail(ctx, actor, await findReport(ctx.db, reportId));
}

type ReviewedReport = Awaited<ReturnType<typeof findReport>>;

/** The latest submitted version's number. */
export async function lastVersionNo(db: Db, reportId: number): Promise<number> {
  const last = await db
    .selectFrom('report_versions')
    .select((eb) => eb.fn.max<number>('version_no').as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return Number(last?.n ?? 0);
}

/**
 * Marks every task still waiting as accepted (per-task confirmation, issue 13 item 7); returns how many
 * and whether some task is still returned to the agency.
 */
async function acceptPendingEntries(db: Db, reportId: number, actorId: number, now: string) {
  const res = await db
    .updateTable('report_entries')
    .set({ review_state: 'accepted', reviewed_at: now, reviewed_by: actorId })
    .where('report_id', '=', reportId)
    .where('review_state', '=', 'pending')
    .executeTakeFirst();
  const returned = await db
    .selectFrom('report_entries as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .select('t.ordinal')
    .where('e.report_id', '=', reportId)
    .where('e.review_state', '=', 'returned')
    .orderBy('e.position')
    .execute();
  return { accepted: Number(res.numUpdatedRows), returned: returned.map((r) => r.ordinal) };
}

/**
 * The report accepted as a whole once every task is: locked, statuses refreshed, the agency told,
 * audited. Inside the caller's transaction, from the version it read.
 */
export async function acceptWhole(
  tx: RequestContext,
  r: ReviewedReport,
  version: number,
  now: string,
): Promise<void> {
  const trx = tx.db;
  const versionNo = await lastVersionNo(trx, r.id);
  await bumpVersion(
    trx,
    r.id,
    version,
    { state: 'accepted', accepted_at: now, accepted_by: tx.actor.id },
    tx.actor.id,
  );
  await refreshReportStatuses(trx, r.id, localDate(now));
  const plan = planOf(r);
  // To the agency's reporters, or its successor's once merged; if nobody, its coordinators are told.
  await notifyAgencies(
    { ...tx, now: () => now },
    {
      agencies: [r.organisation_id],
      what: `Thông báo tiếp nhận báo cáo "${r.period_title}" của ${r.organisation_name}`,
      kind: 'report_accepted',
      title: `Báo cáo đã được tiếp nhận: ${r.period_title} · ${planTag(plan)}`,
      body: `Báo cáo "${r.period_title}" của ${r.organisation_name} (hạn ${formatDateVi(r.period_due_on)}) đã được ${tx.actor.organisationName} tiếp nhận.`,
      link: reportPath(r.id),
      dedupeKey: `accepted:${r.id}`,
      email: true,
      plan,
    },
  );
  await audit(tx, { action: 'report.accepted', entity: 'report', entityId: r.id, detail: { versionNo } });
}

async function review(
  rc: RequestContext,
  reportId: number,
  version: number,
  decision: { kind: 'accept' } | { kind: 'return'; reason: string },
): Promise<ReportDetail> {
  const { app: ctx, actor } = rc;
  await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const r = await findReport(trx, reportId);
    if (r.state === 'accepted') throw conflict('Báo cáo đã được tiếp nhận.');
    if (r.state !== 'submitted') throw conflict('Chỉ tiếp nhận hoặc trả lại được báo cáo đã gửi.');
    if (r.version !== version) throw await staleVersion(trx, reportId);
    const now = rc.now();
    if (decision.kind === 'accept') {
      const { accepted, returned } = await acceptPendingEntries(trx, reportId, actor.id, now);
      if (returned.length === 0) return acceptWhole(tx, r, version, now);
      // Tasks returned on their own still wait for the agency: the rest is accepted, the report waits.
      await bumpVersion(trx, reportId, version, {}, actor.id);
      await audit(tx, {
        action: 'report.entry_accepted',
        entity: 'report',
        entityId: reportId,
        detail: {
          acceptedEntries: accepted,
          task: returned.map((o) => `còn chờ sửa: nhiệm vụ ${o}`).join('; '),
        },
      });
      return;
    }
    const versionNo = await lastVersionNo(trx, reportId);
    await bumpVersion(
      trx,
      reportId,
      version,
      { state: 'returned', returned_at: now, returned_by: actor.id, returned_reason: decision.reason },
      actor.id,
    );
    // Returning takes the report's word back.
    await refreshReportStatuses(trx, reportId, localDate(now));
    // To the agency's reporters, or its successor's once merged; if nobody, its coordinators are told.
    const agencies = [r.organisation_id];
    const due = formatDateVi(r.period_due_on);
    const plan = planOf(r);
    // The notification carries the same instant as the decision it reports.
    await notifyAgencies(
      { ...tx, now: () => now },
      {
        agencies,
        what: `Thông báo trả lại báo cáo "${r.period_title}" của ${r.organisation_name}`,
        kind: 'report_returned',
        title: `Báo cáo bị trả lại: ${r.period_title} · ${planTag(plan)}`,
        body: `Báo cáo "${r.period_title}" của ${r.organisation_name} (hạn ${due}) đã bị trả lại để bổ sung, chỉnh sửa.\nLý do: ${decision.reason}`,
        link: reportPath(reportId),
        dedupeKey: `returned:${reportId}:${versionNo}`,
        email: true,
        plan,
      },
    );
    await audit(tx, {
      action: 'report.returned',
      entity: 'report',
      entityId: reportId,
      detail: { versionNo, reason: decision.reason },
    });
  });
  return reportDetail(ctx, actor, await findReport(ctx.db, reportId));
}

export const acceptReport = (rc: RequestContext, id: number, version: number) =>
  review(rc, id, version, { kind: 'accept' });

export const returnReport = (rc: RequestContext, id: number, version: number, reason: string) =>
  review(rc, id, version, { kind: 'return', reason });
