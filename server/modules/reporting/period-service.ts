import type { PlanRegime } from '../../../shared/contracts/plan-draft';
import type {
  ExtendPeriodRequest,
  OpenPeriodRequest,
  Period,
  PeriodState,
} from '../../../shared/contracts/reporting';
import { localDate } from '../../../shared/domain/reporting/local-date';
import {
  dayBefore,
  defaultTitle,
  proposePeriods,
  regularDates,
} from '../../../shared/domain/reporting/regime-periods';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import type { Db } from '../../db/db';
import { AppError, conflict, notFound } from '../../http/errors';
import { requireRealDate } from '../../lib/real-date';
import { audit } from '../audit/audit-repository';
import { endedPlanMessage } from '../plans/plan-end';
import { parseExtensions, toPeriod } from './period-mapper';
import {
  countReportsByPeriodAndState,
  findPeriodOfKind,
  findPeriodRow,
  findPeriodWithNames,
  findPlanForPeriods,
  insertPeriod,
  listPeriodsWithNames,
  listRegularPeriodKeys,
  taskDeadlineSpan,
  updatePeriodDue,
  updatePeriodState,
} from './period-repository';
import { generateReports } from './report-generation';
import { refreshPeriodYear } from './task-status-store';

/** Rules of the reporting periods: opening from the regime, extending, closing and reopening. */

async function countsByPeriod(db: Db, periodIds: number[]) {
  const out = new Map<number, Period['counts']>();
  for (const id of periodIds) out.set(id, { expected: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 });
  for (const r of await countReportsByPeriodAndState(db, periodIds)) {
    const c = out.get(r.periodId)!;
    c.expected += r.count;
    c[r.state] += r.count;
  }
  return out;
}

export async function getPeriod(ctx: AppContext, id: number): Promise<Period> {
  const row = await findPeriodWithNames(ctx.db, id);
  if (!row) throw notFound('kỳ báo cáo');
  return toPeriod(row, (await countsByPeriod(ctx.db, [id])).get(id)!);
}

export async function listPeriods(ctx: AppContext, planId: number): Promise<Period[]> {
  await requirePlan(ctx.db, planId);
  const rows = await listPeriodsWithNames(ctx.db, planId);
  const counts = await countsByPeriod(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPeriod(r, counts.get(r.id)!));
}

async function requirePlan(db: Db, planId: number) {
  const plan = await findPlanForPeriods(db, planId);
  if (!plan) throw notFound('kế hoạch');
  return {
    ...plan,
    regime: plan.regime_json ? (JSON.parse(plan.regime_json) as PlanRegime) : null,
  };
}

/** The periods the plan's regime calls for, each with the id of the period already opened for it. */
export async function periodProposals(ctx: AppContext, planId: number) {
  const plan = await requirePlan(ctx.db, planId);
  const span = await taskDeadlineSpan(ctx.db, planId);
  const thisYear = new Date().getUTCFullYear();
  const firstYear = Number((plan.issued_on ?? span.first ?? String(thisYear)).slice(0, 4));
  const lastYear = Number((span.last ?? String(firstYear)).slice(0, 4));
  const existing = await listRegularPeriodKeys(ctx.db, planId);
  const byKey = new Map(existing.map((p) => [`${p.kind}:${p.year}`, p.id]));
  return proposePeriods(plan.regime, firstYear, Math.min(lastYear, firstYear + 30)).map((p) => ({
    ...p,
    periodId: byKey.get(`${p.kind}:${p.year}`) ?? null,
  }));
}

/**
 * Opens a period and creates its reports in one transaction. Opening an annual, mid-term or final
 * period that already exists returns it, after adding reports and entries for tasks added since.
 */
export async function openPeriod(
  rc: RequestContext,
  planId: number,
  body: OpenPeriodRequest,
): Promise<{ period: Period; created: boolean }> {
  const { app: ctx, actor } = rc;
  const plan = await requirePlan(ctx.db, planId);
  // A plan annulled or replaced (issue 13, item 6) opens no more periods; the refusal names its successor.
  if (plan.ended_on !== null) throw conflict(await endedPlanMessage(ctx.db, plan));
  requireRealDate(body.dueOn, 'dueOn', 'Hạn nộp');
  requireRealDate(body.dataClosingOn, 'dataClosingOn', 'Ngày chốt số liệu');
  let year = body.year;
  if (body.kind === 'mid_term') year ??= plan.regime?.midTermYear ?? undefined;
  if (body.kind === 'final') year ??= plan.regime?.finalYear ?? undefined;
  if (body.kind === 'ad_hoc') year ??= Number(body.dueOn!.slice(0, 4));
  if (year === undefined) {
    throw new AppError('VALIDATION_FAILED', 'Kế hoạch không quy định năm của kỳ này; hãy chọn năm.', [
      { path: 'year', message: 'Cần chọn năm' },
    ]);
  }
  const regular = body.kind === 'ad_hoc' ? null : regularDates(plan.regime, year);
  const dueOn = body.dueOn ?? regular!.dueOn;
  // Data close the day before the due date (14/12 for 15/12), also when the due date is moved.
  const dataClosingOn =
    body.dataClosingOn !== undefined
      ? body.dataClosingOn
      : body.dueOn !== undefined && regular !== null
        ? dayBefore(body.dueOn)
        : (regular?.dataClosingOn ?? null);
  if (dataClosingOn !== null && dataClosingOn > dueOn) {
    throw new AppError('VALIDATION_FAILED', 'Ngày chốt số liệu phải trước hoặc bằng hạn nộp báo cáo.', [
      { path: 'dataClosingOn', message: 'Sau hạn nộp' },
    ]);
  }
  const title = body.title ?? defaultTitle(body.kind, year);
  const result = await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const now = rc.now();
    if (body.kind !== 'ad_hoc') {
      const existing = await findPeriodOfKind(trx, planId, body.kind, year);
      if (existing) {
        if (existing.state === 'open') {
          const g = await generateReports(trx, existing, now);
          if (g.reportsCreated + g.entriesCreated > 0) {
            await audit(tx, {
              action: 'reporting_period.refreshed',
              entity: 'reporting_period',
              entityId: existing.id,
              detail: g,
            });
          }
        }
        return { id: existing.id, created: false };
      }
    }
    const id = await insertPeriod(trx, {
      plan_id: planId,
      kind: body.kind,
      year,
      title,
      data_closing_on: dataClosingOn,
      due_on: dueOn,
      state: 'open',
      extensions_json: '[]',
      opened_by: actor.id,
      opened_at: now,
    });
    const g = await generateReports(trx, { id, plan_id: planId, year, due_on: dueOn }, now);
    await refreshPeriodYear(trx, planId, year, localDate(now));
    await audit(tx, {
      action: 'reporting_period.opened',
      entity: 'reporting_period',
      entityId: id,
      detail: { planId, kind: body.kind, year, dueOn, dataClosingOn, ...g },
    });
    return { id, created: true };
  });
  return { period: await getPeriod(ctx, result.id), created: result.created };
}

/** Adds reports and entries for tasks or agencies added since the period was opened. */
export async function refreshPeriod(rc: RequestContext, periodId: number) {
  const { app: ctx } = rc;
  await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const p = await findPeriodRow(trx, periodId);
    if (!p) throw notFound('kỳ báo cáo');
    if (p.state !== 'open') throw conflict('Kỳ báo cáo đã đóng.');
    const g = await generateReports(trx, p, rc.now());
    await audit(tx, {
      action: 'reporting_period.refreshed',
      entity: 'reporting_period',
      entityId: periodId,
      detail: g,
    });
  });
  return getPeriod(ctx, periodId);
}

export async function extendPeriod(
  rc: RequestContext,
  periodId: number,
  body: ExtendPeriodRequest,
): Promise<Period> {
  const { app: ctx, actor } = rc;
  requireRealDate(body.dueOn, 'dueOn', 'Hạn mới');
  await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const p = await findPeriodRow(trx, periodId);
    if (!p) throw notFound('kỳ báo cáo');
    if (p.state !== 'open') throw conflict('Kỳ báo cáo đã đóng; hãy mở lại trước khi gia hạn.');
    if (body.dueOn <= p.due_on) {
      throw new AppError('VALIDATION_FAILED', 'Hạn mới phải sau hạn hiện tại.', [
        { path: 'dueOn', message: 'Phải sau hạn hiện tại' },
      ]);
    }
    const ext = parseExtensions(p.extensions_json);
    ext.push({
      fromDueOn: p.due_on,
      toDueOn: body.dueOn,
      reason: body.reason,
      at: rc.now(),
      byId: actor.id,
      byName: actor.fullName,
    });
    await updatePeriodDue(trx, periodId, body.dueOn, JSON.stringify(ext));
    await refreshPeriodYear(trx, p.plan_id, p.year, localDate(rc.now()));
    await audit(tx, {
      action: 'reporting_period.extended',
      entity: 'reporting_period',
      entityId: periodId,
      detail: { from: p.due_on, to: body.dueOn, reason: body.reason },
    });
  });
  return getPeriod(ctx, periodId);
}

export async function setPeriodState(
  rc: RequestContext,
  periodId: number,
  state: PeriodState,
): Promise<Period> {
  const { app: ctx, actor } = rc;
  await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const p = await findPeriodRow(trx, periodId);
    if (!p) throw notFound('kỳ báo cáo');
    if (p.state === state) throw conflict(state === 'closed' ? 'Kỳ báo cáo đã đóng.' : 'Kỳ báo cáo đang mở.');
    await updatePeriodState(trx, periodId, state, actor.id, rc.now());
    await refreshPeriodYear(trx, p.plan_id, p.year, localDate(rc.now()));
    await audit(tx, {
      action: state === 'closed' ? 'reporting_period.closed' : 'reporting_period.reopened',
      entity: 'reporting_period',
      entityId: periodId,
    });
  });
  return getPeriod(ctx, periodId);
}
