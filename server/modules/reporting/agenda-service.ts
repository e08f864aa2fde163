import type { AgendaReport, AgendaResponse, AgendaTask } from '../../../shared/contracts/my-work';
import { reportPath, taskPath } from '../../../shared/domain/app-links';
import { groupsContainingKind } from '../../../shared/domain/organisations/groups';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { daysBetween } from '../../../shared/domain/task-status/calendar';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { chainField, loadSuccession } from '../organisations/succession-repository';
import { countAcceptedReportsOf, listOpenReportsOf, listPlansInvolving } from './agenda-repository';
import { findOrganisationKind } from './task-status-repository';
import { taskStatusesOfPlan } from './task-status-service';

/** Returned first (someone waits for the fix), then drafts, then what awaits review. */
const STATE_ORDER: Record<AgendaReport['state'], number> = {
  returned: 0,
  draft: 1,
  submitted: 2,
  accepted: 3,
};

/**
 * What the reporter's agency has to do now: its reports to send with days left, and the tasks it
 * takes part in that are overdue this year, judged by task-status-service.ts per plan.
 */
export async function reporterAgenda(ctx: AppContext, user: AuthUser): Promise<AgendaResponse> {
  const today = localDate(new Date());
  const orgId = user.organisationId;
  const org = await findOrganisationKind(ctx.db, orgId);
  if (!org) throw notFound('cơ quan');

  const reports = (await listOpenReportsOf(ctx.db, orgId))
    .map(
      (r): AgendaReport => ({
        id: r.id,
        state: r.state,
        periodTitle: r.period_title,
        dueOn: r.due_on,
        daysLeft: daysBetween(today, r.due_on),
        plan: { id: r.plan_id, number: r.plan_number, title: r.plan_title },
        returnedReason: r.state === 'returned' ? r.returned_reason : null,
        link: reportPath(r.id),
      }),
    )
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.dueOn.localeCompare(b.dueOn));

  const overdueTasks: AgendaTask[] = [];
  for (const plan of await listPlansInvolving(ctx.db, orgId, groupsContainingKind(org.kind))) {
    const { items } = await taskStatusesOfPlan(ctx, plan.id, { organisationId: orgId });
    for (const x of items) {
      if (x.status.code !== 'overdue') continue;
      overdueTasks.push({
        id: x.task.id,
        ordinal: x.task.ordinal,
        content: x.task.content,
        deadlineText: x.task.deadline.text,
        dueDate: x.status.dueDate,
        daysLate: x.status.daysLate,
        leads: x.leads,
        plan: { id: plan.id, number: plan.number, title: plan.title },
        link: taskPath(plan.id, x.task.id),
      });
    }
  }
  overdueTasks.sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.id - b.id);

  return {
    today,
    organisation: {
      id: orgId,
      name: user.organisationName,
      ...chainField(await loadSuccession(ctx.db), orgId),
    },
    reports,
    overdueTasks,
    acceptedCount: await countAcceptedReportsOf(ctx.db, orgId),
  };
}
