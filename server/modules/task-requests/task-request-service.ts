import type { RevisionAgency, RevisionTaskFields } from '../../../shared/contracts/plan-revisions';
import {
  type CreateTaskRequest,
  type DecideTaskRequest,
  TASK_REQUEST_KIND_LABELS,
  type TaskRequestList,
  type TaskRequestQueue,
  type TaskRequestState,
  type TaskRequestView,
} from '../../../shared/contracts/task-requests';
import { taskPath } from '../../../shared/domain/app-links';
import { planTag } from '../../../shared/domain/plans/short-title';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import type { Db } from '../../db/db';
import type { AuthUser } from '../../http/auth-state';
import { AppError, conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { assertMayEditPlan, mayEditPlan } from '../plans/plan-edit-policy';
import { findPlanForEdit, findTaskForEdit } from '../plans/revision-repository';
import { writeRevision } from '../plans/revision-service';
import { coordinatorsOf, notify } from '../reporting/notifications';
import { toPlanRef } from '../reporting/report-mapper';
import { assertMayFileTaskRequest, mayFileTaskRequest, mayReadTaskRequestFile } from './task-request-policy';
import {
  countRequests,
  decideRequest,
  findAttachableFile,
  findPendingRequest,
  findRequestRow,
  insertRequest,
  leadAgenciesOf,
  listRequestQueue,
  listRequestsOfTask,
  successionOf,
  type TaskRequestRow,
  usersOfAgency,
} from './task-request-repository';

/**
 * Requests from agencies (issue 13, item 4). A lead agency's user asks to extend a task's deadline or to
 * hand the task to another lead, with a reason; the plan's consolidating coordinators are notified and
 * approve — the change is applied as a plan revision (revision-service.ts `writeRevision`) whose reason
 * cites the request, in the same transaction as the decision — or refuse with a reason. Every step is
 * audited on the task, and the requesting agency's users are notified of the decision.
 */

const invalid = (message: string, path: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

function summaryOf(r: Pick<TaskRequestRow, 'kind' | 'new_deadline' | 'new_lead_name'>): string {
  return r.kind === 'extend'
    ? `Gia hạn đến ${formatDateVi(r.new_deadline ?? '')}`
    : `Chuyển chủ trì sang ${r.new_lead_name ?? 'cơ quan không còn trong danh mục'}`;
}

function toView(r: TaskRequestRow, user: AuthUser): TaskRequestView {
  return {
    id: r.id,
    plan: toPlanRef({ id: r.plan_id, number: r.plan_number, title: r.plan_title }),
    task: { id: r.task_id, ordinal: r.task_ordinal, content: r.task_content, deadline: r.task_deadline },
    kind: r.kind,
    summary: summaryOf(r),
    organisation: { id: r.organisation_id, name: r.organisation_name },
    newDeadline: r.new_deadline,
    newLead: r.new_lead_org_id !== null ? { id: r.new_lead_org_id, name: r.new_lead_name ?? '' } : null,
    reason: r.reason,
    file:
      r.document_id !== null && mayReadTaskRequestFile(user, r)
        ? {
            id: r.document_id,
            filename: r.file_name ?? '',
            mediaType: r.file_media_type ?? '',
            size: r.file_size ?? 0,
          }
        : null,
    state: r.state,
    by: r.created_by_name ?? null,
    at: r.created_at,
    decision:
      r.decided_at !== null
        ? { reason: r.decision_reason, by: r.decided_by_name ?? null, at: r.decided_at }
        : null,
    revisionId: r.revision_id,
    canDecide: r.state === 'pending' && mayEditPlan(user, { consolidator_org_id: r.consolidator_org_id }),
  };
}

async function findTask(db: Db, taskId: number) {
  const task = await db
    .selectFrom('tasks')
    .select(['id', 'plan_id', 'ordinal', 'removed_on', 'deadline_to', 'deadline_text'])
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!task) throw notFound('nhiệm vụ');
  return task;
}

/** A task's requests, newest first, and whether the caller may file one. */
export async function listTaskRequests(
  ctx: AppContext,
  user: AuthUser,
  taskId: number,
): Promise<TaskRequestList> {
  const task = await findTask(ctx.db, taskId);
  const { ids } = await leadAgenciesOf(ctx.db, task.id);
  const rows = await listRequestsOfTask(ctx.db, task.id);
  return {
    items: rows.map((r) => toView(r, user)),
    canFile: task.removed_on === null && mayFileTaskRequest(user, ids),
  };
}

/** The coordinator's queue ("Đề nghị chờ duyệt"): the plans their agency consolidates; admins see all. */
export async function requestQueue(
  ctx: AppContext,
  user: AuthUser,
  state: TaskRequestState,
): Promise<TaskRequestQueue> {
  const scope = user.role === 'admin' ? null : user.organisationId;
  const [rows, counts] = await Promise.all([
    listRequestQueue(ctx.db, state, scope, 500),
    countRequests(ctx.db, scope),
  ]);
  return { items: rows.map((r) => toView(r, user)), counts };
}

/** Files a request on a task for the caller's agency, a lead of the task. */
export async function fileTaskRequest(
  rc: RequestContext,
  taskId: number,
  body: CreateTaskRequest,
): Promise<TaskRequestView> {
  const { actor } = rc;
  const id = await inTransaction(rc, async (tx) => {
    const db = tx.db;
    const task = await findTask(db, taskId);
    const lead = await leadAgenciesOf(db, task.id);
    assertMayFileTaskRequest(actor, lead.ids, lead.names.join(', '));
    if (task.removed_on !== null)
      throw conflict(`Nhiệm vụ ${task.ordinal} đã bãi bỏ từ ngày ${formatDateVi(task.removed_on)}.`);
    const pending = await findPendingRequest(db, task.id, body.kind);
    if (pending)
      throw conflict(
        `Nhiệm vụ ${task.ordinal} đã có một đề nghị ${TASK_REQUEST_KIND_LABELS[body.kind].toLowerCase()} đang chờ duyệt (gửi ngày ${formatDateVi(localDate(pending.created_at))}); hãy chờ cơ quan tổng hợp trả lời.`,
      );
    const today = localDate(tx.now());
    let newLeadName: string | null = null;
    if (body.kind === 'extend') {
      if (body.newDeadline <= today) throw invalid('Thời hạn đề nghị phải sau hôm nay.', 'newDeadline');
      if (task.deadline_to !== null && body.newDeadline <= task.deadline_to)
        throw invalid(
          `Thời hạn đề nghị phải sau thời hạn hiện hành (${formatDateVi(task.deadline_to)}).`,
          'newDeadline',
        );
    } else {
      const org = await db
        .selectFrom('organisations')
        .select(['id', 'name', 'valid_to'])
        .where('id', '=', body.newLeadOrganisationId)
        .executeTakeFirst();
      if (!org) throw invalid('Cơ quan đề nghị chủ trì không có trong danh mục.', 'newLeadOrganisationId');
      if (org.valid_to !== null && org.valid_to < today)
        throw invalid(
          `${org.name} đã ngừng hoạt động; hãy chọn cơ quan đang hoạt động.`,
          'newLeadOrganisationId',
        );
      if (lead.leads.some((l) => l.organisation_id === org.id) || org.id === actor.organisationId)
        throw invalid(`${org.name} đã là cơ quan chủ trì của nhiệm vụ.`, 'newLeadOrganisationId');
      newLeadName = org.name;
    }
    const fileId = body.fileId ?? null;
    if (fileId !== null && !(await findAttachableFile(db, fileId, actor.id)))
      throw invalid('Không tìm thấy văn bản đề nghị đã tải lên; hãy tải lên lại.', 'fileId');
    const requestId = await insertRequest(db, {
      plan_id: task.plan_id,
      task_id: task.id,
      kind: body.kind,
      organisation_id: actor.organisationId,
      new_deadline: body.kind === 'extend' ? body.newDeadline : null,
      new_lead_org_id: body.kind === 'reassign' ? body.newLeadOrganisationId : null,
      reason: body.reason,
      state: 'pending',
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      revision_id: null,
      document_id: fileId,
      created_by: actor.id,
      created_at: tx.now(),
    });
    const summary = summaryOf({
      kind: body.kind,
      new_deadline: body.kind === 'extend' ? body.newDeadline : null,
      new_lead_name: newLeadName,
    });
    await audit(tx, {
      action: 'task_request.created',
      entity: 'task',
      entityId: task.id,
      detail: { requestId, request: summary, reason: body.reason, ...(fileId !== null ? { fileId } : {}) },
    });
    const plan = (await findPlanForEdit(db, task.plan_id))!;
    const planRef = { id: plan.id, number: plan.number, title: plan.title };
    await notify(tx, {
      recipients: await coordinatorsOf(db, task.plan_id),
      kind: 'task_request_filed',
      title: `Đề nghị về nhiệm vụ ${task.ordinal}: ${summary} · ${planTag(planRef)}`,
      body: `${actor.organisationName} đề nghị ${summary.charAt(0).toLowerCase()}${summary.slice(1)} cho nhiệm vụ ${task.ordinal}.\nLý do: ${body.reason}`,
      link: taskPath(task.plan_id, task.id),
      dedupeKey: `task-request:${requestId}`,
      email: true,
      plan: planRef,
    });
    return requestId;
  });
  return toView((await findRequestRow(rc.app.db, id))!, actor);
}

/** The task's leads after handing the requester's place to the new agency (coordinators keep theirs). */
async function reassignedLeads(
  db: Db,
  current: RevisionTaskFields,
  links: { role: string; organisation_id: number | null }[],
  requester: number,
  newLead: RevisionAgency,
): Promise<RevisionTaskFields> {
  const leadLinks = links.filter((a) => a.role === 'lead');
  let replaced = false;
  const leads: RevisionAgency[] = [];
  for (const [i, a] of current.leads.entries()) {
    const org = leadLinks[i]?.organisation_id ?? null;
    if (!replaced && org !== null && (await successionOf(db, org)).includes(requester)) {
      leads.push(newLead);
      replaced = true;
    } else leads.push(a);
  }
  if (!replaced)
    throw conflict('Cơ quan đề nghị không còn là cơ quan chủ trì của nhiệm vụ; đề nghị không áp dụng được.');
  const coordinators = current.coordinators.filter((a) => a.organisationId !== newLead.organisationId);
  return { ...current, leads, coordinators };
}

/** Approves (the change becomes a plan revision citing the request) or refuses a pending request. */
export async function decideTaskRequest(
  rc: RequestContext,
  planId: number,
  requestId: number,
  body: DecideTaskRequest,
): Promise<TaskRequestView> {
  const { actor } = rc;
  await inTransaction(rc, async (tx) => {
    const db = tx.db;
    const plan = await findPlanForEdit(db, planId);
    if (!plan) throw notFound('kế hoạch');
    assertMayEditPlan(actor, plan, plan.consolidator_name);
    const r = await findRequestRow(db, requestId);
    if (!r || r.plan_id !== planId) throw notFound('đề nghị');
    if (r.state !== 'pending')
      throw conflict(
        `Đề nghị đã được ${r.decided_by_name ?? 'người khác'} ${r.state === 'approved' ? 'chấp thuận' : 'không chấp thuận'} trước đó.`,
      );
    const now = tx.now();
    const summary = summaryOf(r);
    const filed = `${r.organisation_name} ngày ${formatDateVi(localDate(r.created_at))}`;
    const decisionReason = body.reason?.trim() ? body.reason.trim() : null;
    let revisionId: number | null = null;
    if (body.decision === 'approve') {
      const found = await findTaskForEdit(db, planId, r.task_id);
      if (!found) throw notFound('nhiệm vụ');
      const { task, agencies } = found;
      if (task.removed_on !== null)
        throw conflict(
          `Nhiệm vụ ${task.ordinal} đã bãi bỏ; đề nghị không áp dụng được, hãy không chấp thuận.`,
        );
      const agency = (a: (typeof agencies)[number]): RevisionAgency => ({
        text: a.agency_text,
        organisationId: a.organisation_id,
        groupKey: a.group_key,
      });
      let fields: RevisionTaskFields = {
        ordinal: task.ordinal,
        group: task.group_label,
        content: task.content,
        product: task.product,
        deadlineText: task.deadline_text,
        leads: agencies.filter((a) => a.role === 'lead').map(agency),
        coordinators: agencies.filter((a) => a.role === 'coordinator').map(agency),
      };
      if (r.kind === 'extend') fields = { ...fields, deadlineText: formatDateVi(r.new_deadline ?? '') };
      else {
        if (r.new_lead_org_id === null) throw conflict('Cơ quan đề nghị chủ trì không còn trong danh mục.');
        fields = await reassignedLeads(db, fields, agencies, r.organisation_id, {
          text: r.new_lead_name ?? '',
          organisationId: r.new_lead_org_id,
          groupKey: null,
        });
      }
      revisionId = await writeRevision(tx, planId, {
        reason: `Theo đề nghị của ${filed} (${summary.charAt(0).toLowerCase()}${summary.slice(1)}): ${r.reason}${decisionReason ? `\nÝ kiến của cơ quan tổng hợp: ${decisionReason}` : ''}`,
        // The agency's document, when attached, is the revision's document (its date left out: the
        // change takes effect today, as without a document).
        document:
          r.document_id !== null
            ? { number: `Đề nghị của ${filed}`.slice(0, 100), date: null, fileId: r.document_id }
            : null,
        change: { kind: 'task_update', taskId: r.task_id, task: fields },
      });
    }
    const state = body.decision === 'approve' ? 'approved' : 'refused';
    const done = await decideRequest(db, r.id, {
      state,
      decision_reason: decisionReason,
      decided_by: actor.id,
      decided_at: now,
      revision_id: revisionId,
    });
    if (!done) throw conflict('Đề nghị vừa được người khác xử lý; hãy tải lại trang.');
    await audit(tx, {
      action: state === 'approved' ? 'task_request.approved' : 'task_request.refused',
      entity: 'task',
      entityId: r.task_id,
      detail: {
        requestId: r.id,
        request: summary,
        requestedBy: r.organisation_name,
        ...(decisionReason ? { reason: decisionReason } : {}),
        ...(revisionId !== null ? { revisionId } : {}),
      },
    });
    const planRef = { id: plan.id, number: plan.number, title: plan.title };
    const verdict = state === 'approved' ? 'được chấp thuận' : 'không được chấp thuận';
    await notify(tx, {
      recipients: await usersOfAgency(db, r.organisation_id),
      kind: 'task_request_decided',
      title: `Đề nghị ${verdict}: nhiệm vụ ${r.task_ordinal} · ${planTag(planRef)}`,
      body: `Đề nghị "${summary}" cho nhiệm vụ ${r.task_ordinal} của ${filed} đã ${verdict} (${actor.organisationName}).${decisionReason ? `\nLý do: ${decisionReason}` : ''}`,
      link: taskPath(planId, r.task_id),
      dedupeKey: `task-request-decided:${r.id}`,
      email: true,
      plan: planRef,
    });
  });
  return toView((await findRequestRow(rc.app.db, requestId))!, actor);
}
