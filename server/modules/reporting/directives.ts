import type { AgencyDelivery, Directive } from '../../../shared/contracts/reporting';
import { reportPath, taskPath } from '../../../shared/domain/app-links';
import { planTag } from '../../../shared/domain/plans/short-title';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import type { Db } from '../../db/db';
import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { notifyAgencies } from './agency-delivery';
import { assertCanRead } from './report-policy';
import { findReport } from './report-service';

type Target = { kind: 'report'; id: number } | { kind: 'task'; id: number };

function directiveQuery(db: Db) {
  return db
    .selectFrom('directives as d')
    .innerJoin('users as u', 'u.id', 'd.author_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'd.id',
      'd.task_id',
      'd.report_id',
      'd.author_id',
      'd.text',
      'd.created_at',
      'd.delivery_json',
      'u.full_name',
      'o.name as org_name',
    ]);
}

const toView = (r: Awaited<ReturnType<ReturnType<typeof directiveQuery>['execute']>>[number]): Directive => ({
  id: r.id,
  target: r.report_id !== null ? 'report' : 'task',
  taskId: r.task_id,
  reportId: r.report_id,
  author: { id: r.author_id, name: r.full_name },
  authorOrganisation: r.org_name,
  text: r.text,
  createdAt: r.created_at,
  delivery: r.delivery_json ? (JSON.parse(r.delivery_json) as AgencyDelivery[]) : [],
});

/**
 * The newest directives on a plan's tasks or on reports of its periods (the dashboard), with the task's
 * ordinal or the reporting agency's name so a reader knows what each is about. Leaders and coordinators
 * read every report, so no record filter applies to them.
 */
export async function latestDirectivesOfPlan(db: Db, planId: number, limit: number) {
  const rows = await directiveQuery(db)
    .leftJoin('tasks as t', 't.id', 'd.task_id')
    .leftJoin('reports as r', 'r.id', 'd.report_id')
    .leftJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .leftJoin('organisations as ro', 'ro.id', 'r.organisation_id')
    .select(['t.ordinal as task_ordinal', 'ro.name as report_organisation'])
    // The plan's directives found through its own tasks and periods (indexed), not by joining every
    // directive in the province and keeping the plan's: that grew with all plans' directives.
    .where('d.id', 'in', (eb) =>
      eb
        .selectFrom('tasks as t1')
        .innerJoin('directives as d1', 'd1.task_id', 't1.id')
        .select('d1.id')
        .where('t1.plan_id', '=', planId)
        .unionAll(
          eb
            .selectFrom('reporting_periods as p2')
            .innerJoin('reports as r2', 'r2.period_id', 'p2.id')
            .innerJoin('directives as d2', 'd2.report_id', 'r2.id')
            .select('d2.id')
            .where('p2.plan_id', '=', planId),
        ),
    )
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...toView(r),
    taskOrdinal: r.task_ordinal,
    reportOrganisation: r.report_organisation,
  }));
}

async function checkTarget(ctx: AppContext, user: AuthUser, t: Target) {
  if (t.kind === 'report') {
    const r = await findReport(ctx.db, t.id);
    assertCanRead(user, r);
    return {
      link: reportPath(r.id),
      organisations: [r.organisation_id],
      label: `báo cáo "${r.period_title}" của ${r.organisation_name}`,
      plan: { id: r.plan_id, number: r.plan_number, title: r.plan_title },
    };
  }
  const task = await ctx.db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select(['tasks.id', 'tasks.ordinal', 'tasks.plan_id', 'plans.number', 'plans.title'])
    .where('tasks.id', '=', t.id)
    .executeTakeFirst();
  if (!task) throw notFound('nhiệm vụ');
  const leads = await ctx.db
    .selectFrom('task_agencies')
    .select('organisation_id')
    .where('task_id', '=', t.id)
    .where('role', '=', 'lead')
    .where('organisation_id', 'is not', null)
    .execute();
  return {
    link: taskPath(task.plan_id, task.id),
    organisations: leads.map((l) => l.organisation_id!),
    label: `nhiệm vụ ${task.ordinal}`,
    plan: { id: task.plan_id, number: task.number, title: task.title },
  };
}

export async function listDirectives(
  ctx: AppContext,
  user: AuthUser,
  t: Target,
  q: { page: number; pageSize: number },
) {
  await checkTarget(ctx, user, t);
  const base = directiveQuery(ctx.db).where(t.kind === 'report' ? 'd.report_id' : 'd.task_id', '=', t.id);
  const total = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(toView), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** A leader's directive (ý kiến chỉ đạo) on a report or a task; the agencies concerned are notified. */
export async function addDirective(rc: RequestContext, t: Target, text: string): Promise<Directive> {
  const { app: ctx, actor } = rc;
  const target = await checkTarget(ctx, actor, t);
  const id = await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const now = rc.now();
    const row = await trx
      .insertInto('directives')
      .values({
        task_id: t.kind === 'task' ? t.id : null,
        report_id: t.kind === 'report' ? t.id : null,
        author_id: actor.id,
        text,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The directive stays with the task or report it was written on; the message goes to whoever
    // answers for the agency today (its successor once merged), and who it reached is kept with it.
    const { deliveries } = await notifyAgencies(
      { ...tx, now: () => now },
      {
        agencies: target.organisations,
        what: `Chỉ đạo về ${target.label}`,
        kind: 'directive',
        title: `Ý kiến chỉ đạo về ${target.label} · ${planTag(target.plan)}`,
        body: `${actor.fullName} (${actor.organisationName}): ${text}`,
        link: target.link,
        dedupeKey: `directive:${row.id}`,
        // By e-mail too: a leader's directive must reach someone even if nobody opens the app today.
        email: true,
        plan: target.plan,
      },
    );
    await trx
      .updateTable('directives')
      .set({ delivery_json: JSON.stringify(deliveries) })
      .where('id', '=', row.id)
      .execute();
    await audit(tx, {
      action: 'directive.created',
      entity: t.kind,
      entityId: t.id,
      detail: { directiveId: row.id },
    });
    return row.id;
  });
  const row = await directiveQuery(ctx.db).where('d.id', '=', id).executeTakeFirstOrThrow();
  return toView(row);
}
