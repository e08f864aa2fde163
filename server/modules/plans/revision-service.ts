import { PLAN_KIND_LABELS } from '../../../shared/contracts/plan-draft';
import type {
  AmendmentSummary,
  RevisionAgency,
  RevisionChange,
  RevisionList,
  RevisionRequest,
  RevisionTaskFields,
  RevisionView,
} from '../../../shared/contracts/plan-revisions';
import { parseDeadline } from '../../../shared/domain/plan-import/deadline';
import { describeRevisionChanges, revisionTitle } from '../../../shared/domain/plans/revision-fields';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import { searchKey } from '../../../shared/domain/text/normalize';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import type { Db } from '../../db/db';
import type { PlanRevisionsTable } from '../../db/schema';
import type { AuthUser } from '../../http/auth-state';
import { AppError, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { indicatorSearchKey } from '../indicators/create-plan-indicators';
import { insertIndicator, linkTargets } from '../indicators/indicator-repository';
import { proposeIndicators, subjectKey } from '../indicators/indicators-from-targets';
import { refreshTaskStatuses } from '../reporting/task-status-store';
import { assertMayEditPlan, mayEditPlan } from './plan-edit-policy';
import { endedPlanMessage, endPlan } from './plan-end';
import {
  type AmendmentRow,
  findPlanForEdit,
  findTaskForEdit,
  insertRevision,
  listAmendmentRows,
  listRevisionRows,
  type RevisionRow,
} from './revision-repository';

/**
 * Changes of a confirmed plan (issue 13). Each change is applied, kept as a `plan_revisions` row (who,
 * when, why, the amending document, the changed fields before and after) and written to the audit log,
 * all in one transaction. What other parts keep follows by itself or is refreshed here:
 * - the task list's page cache and the stored statuses' counts: triggers bump `plans.data_version` on any
 *   change of `tasks`, `task_agencies`, `task_statuses` (migration 20261201T0520);
 * - stored statuses: a task whose deadline changed, or a new task, is recomputed in every stored year
 *   (`refreshTaskStatuses`); a removed task's stored statuses are deleted, its reports are kept;
 * - indicators: a new target is measured by the plan's indicator of the same subject, or a new one.
 */

type Fields = Record<string, unknown>;

export interface Applied {
  subject: PlanRevisionsTable['subject'];
  action: PlanRevisionsTable['action'];
  taskId: number | null;
  targetId: number | null;
  label: string;
  before: Fields;
  after: Fields;
  /** What the change replaced, for an amendment's revert (task_update: the task's columns and agencies). */
  undo?: unknown;
}

const invalid = (message: string, path = 'change') =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

const nullIfEmpty = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());

/** Only the fields whose value differs, in both directions. */
function changedFields(before: Fields, after: Fields): { before: Fields; after: Fields } {
  const b: Fields = {};
  const a: Fields = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
    b[key] = before[key] ?? null;
    a[key] = after[key] ?? null;
  }
  return { before: b, after: a };
}

export async function listRevisions(
  ctx: AppContext,
  user: AuthUser,
  planId: number,
  taskId?: number,
): Promise<RevisionList> {
  const plan = await findPlanForEdit(ctx.db, planId);
  if (!plan) throw notFound('kế hoạch');
  if (taskId !== undefined && !(await findTaskForEdit(ctx.db, planId, taskId))) throw notFound('nhiệm vụ');
  const rows = await listRevisionRows(ctx.db, planId, taskId);
  const used = new Set(rows.flatMap((r) => (r.amendment_id === null ? [] : [r.amendment_id])));
  const amendments = (await listAmendmentRows(ctx.db, planId)).filter((a) => used.has(a.id));
  const revertedBy = new Map(
    amendments.flatMap((a) => (a.reverts_id === null ? [] : [[a.reverts_id, a.id]])),
  );
  // An ended plan is changed no more (writeRevision refuses it); who may end a plan may undo its end.
  const mayEdit = mayEditPlan(user, plan);
  return {
    canEdit: mayEdit && plan.ended_on === null,
    canUndoEnd: mayEdit && plan.ended_on !== null,
    items: rows.map(toRevisionView),
    amendments: amendments.map((a) => toAmendmentSummary(a, revertedBy.get(a.id) ?? null, rows)),
  };
}

export function toAmendmentSummary(
  a: AmendmentRow,
  revertedById: number | null,
  rows: readonly { amendment_id: number | null }[],
): AmendmentSummary {
  const count = rows.filter((r) => r.amendment_id === a.id).length;
  const doc = a.document_number
    ? `văn bản ${a.document_number}${a.document_date ? ` ngày ${formatDateVi(a.document_date)}` : ''}`
    : 'văn bản điều chỉnh';
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    title:
      a.kind === 'revert'
        ? `Hoàn tác ${doc} (${count} thay đổi)`
        : `Áp dụng ${doc} (${count} thay đổi)${a.status === 'reverted' ? ' — đã hoàn tác' : ''}`,
    reason: a.reason,
    document: {
      number: a.document_number,
      date: a.document_date,
      title: a.document_title,
      file: a.document_id !== null && a.file_name ? { id: a.document_id, filename: a.file_name } : null,
    },
    revertsId: a.reverts_id,
    revertedById,
    by: a.by_name ?? null,
    at: a.applied_at ?? a.created_at,
  };
}

export function toRevisionView(r: RevisionRow): RevisionView {
  const before = JSON.parse(r.before_json) as Fields;
  const after = JSON.parse(r.after_json) as Fields;
  return {
    id: r.id,
    planId: r.plan_id,
    subject: r.subject,
    action: r.action,
    taskId: r.task_id,
    targetId: r.target_id,
    label: r.label,
    title: revisionTitle({ subject: r.subject, action: r.action, label: r.label, before, after }),
    reason: r.reason,
    document: r.document_number
      ? {
          number: r.document_number,
          date: r.document_date,
          file:
            r.document_file_id !== null && r.file_name
              ? { id: r.document_file_id, filename: r.file_name }
              : null,
        }
      : null,
    amendmentId: r.amendment_id,
    changes: describeRevisionChanges(before, after),
    by: r.by_name ?? null,
    at: r.created_at,
  };
}

/** Applies one change of a plan with its reason, as one revision; returns it as the history shows it. */
export async function applyRevision(
  rc: RequestContext,
  planId: number,
  req: RevisionRequest,
): Promise<RevisionView> {
  const id = await inTransaction(rc, (tx) => writeRevision(tx, planId, req));
  const rows = await listRevisionRows(rc.app.db, planId);
  return toRevisionView(rows.find((r) => r.id === id)!);
}

/**
 * The body of `applyRevision` inside the caller's transaction (`tx` from inTransaction): checks who may
 * edit, applies the change, keeps the revision and the audit row; returns the revision's id. Used by an
 * approved request from an agency (task-requests/), whose decision is written in the same transaction.
 */
export async function writeRevision(
  tx: RequestContext,
  planId: number,
  req: RevisionRequest,
): Promise<number> {
  const today = localDate(new Date());
  const plan = await findPlanForEdit(tx.db, planId);
  if (!plan) throw notFound('kế hoạch');
  assertMayEditPlan(tx.actor, plan, plan.consolidator_name);
  if (plan.ended_on !== null) throw invalid(await endedPlanMessage(tx.db, plan));
  const fileId = req.document?.fileId ?? null;
  if (
    fileId !== null &&
    !(await tx.db.selectFrom('documents').select('id').where('id', '=', fileId).executeTakeFirst())
  )
    throw invalid('Không tìm thấy tệp văn bản điều chỉnh đã tải lên; hãy tải lên lại.', 'document.fileId');
  const effectiveOn = effectiveDateOf(req, today);
  const applied = await applyChange(tx, plan, req.change, today, effectiveOn);
  if (Object.keys(applied.after).length === 0 && applied.action === 'update')
    throw invalid('Không có thông tin nào thay đổi so với kế hoạch hiện hành.');
  const revisionId = await insertRevision(tx.db, {
    plan_id: planId,
    subject: applied.subject,
    action: applied.action,
    task_id: applied.taskId,
    target_id: applied.targetId,
    label: applied.label,
    reason: req.reason,
    document_number: req.document?.number ?? null,
    document_date: req.document?.date ?? null,
    document_file_id: fileId,
    before_json: JSON.stringify(applied.before),
    after_json: JSON.stringify(applied.after),
    undo_json: applied.undo === undefined ? null : JSON.stringify(applied.undo),
    created_by: tx.actor.id,
    created_at: tx.now(),
    effective_on: effectiveOn,
  });
  // A deadline change counts from its effective date (plans/task-in-force.ts): with the revision
  // written, each stored year is judged against the deadline in force at its end.
  if (applied.subject === 'task' && applied.taskId !== null && 'deadline' in applied.after)
    await refreshTaskStatuses(tx.db, [applied.taskId], today);
  await audit(tx, {
    action: 'plan.revised',
    entity: applied.subject === 'task' && applied.taskId !== null ? 'task' : 'plan',
    entityId: applied.subject === 'task' && applied.taskId !== null ? applied.taskId : planId,
    detail: {
      planId,
      revisionId,
      subject: applied.subject,
      change: applied.action,
      label: applied.label,
      reason: req.reason,
      document: req.document,
      before: applied.before,
      after: applied.after,
    },
  });
  return revisionId;
}

/**
 * The date a change takes effect: a removal's or a plan's end its own; otherwise the one asked for, else
 * the amending document's date, else today. A task added or removed, or a plan ended, takes effect no
 * later than today (the change is recorded when its document is in force).
 */
export function effectiveDateOf(req: RevisionRequest, today: string): string {
  const c = req.change;
  const date =
    c.kind === 'task_remove' || c.kind === 'plan_end'
      ? c.effectiveOn
      : (req.effectiveOn ?? req.document?.date ?? today);
  if (date > today && (c.kind === 'task_add' || c.kind === 'task_remove' || c.kind === 'plan_end'))
    throw invalid(
      c.kind === 'task_remove'
        ? 'Ngày bãi bỏ không được sau hôm nay: hãy bãi bỏ nhiệm vụ khi văn bản có hiệu lực.'
        : c.kind === 'plan_end'
          ? 'Ngày có hiệu lực không được sau hôm nay: hãy ghi nhận khi văn bản có hiệu lực.'
          : 'Ngày có hiệu lực của nhiệm vụ bổ sung không được sau hôm nay.',
      c.kind === 'task_remove' || c.kind === 'plan_end' ? 'change.effectiveOn' : 'effectiveOn',
    );
  return date;
}

export type PlanHead = NonNullable<Awaited<ReturnType<typeof findPlanForEdit>>>;

export async function applyChange(
  tx: RequestContext,
  plan: PlanHead,
  change: RevisionChange,
  today: string,
  effectiveOn: string,
): Promise<Applied> {
  const db = tx.db;
  switch (change.kind) {
    case 'plan_update':
      return updatePlanHeader(db, plan, change.fields);
    case 'target_add':
    case 'target_update':
    case 'target_remove':
      return changeTarget(db, plan, change);
    case 'group_rename':
      return renameGroup(db, plan.id, change.from, change.to);
    case 'task_add':
      return addTask(db, plan.id, change.task, today, effectiveOn);
    case 'task_update':
      return updateTask(db, plan.id, change.taskId, change.task, today);
    case 'task_remove':
      return removeTask(db, plan.id, change.taskId, change.effectiveOn, today);
    case 'plan_end':
      return endPlan(tx, plan, change, today);
  }
}

// --- The plan's header ---------------------------------------------------------------------------

async function updatePlanHeader(
  db: Db,
  plan: PlanHead,
  f: Extract<RevisionChange, { kind: 'plan_update' }>['fields'],
): Promise<Applied> {
  const before = {
    number: plan.number,
    title: plan.title,
    issuer: plan.issuer,
    place: plan.place,
    issuedOn: plan.issued_on,
  };
  const after = {
    number: nullIfEmpty(f.number),
    title: f.title.trim(),
    issuer: nullIfEmpty(f.issuer),
    place: nullIfEmpty(f.place),
    issuedOn: f.issuedOn,
  };
  const diff = changedFields(before, after);
  if (Object.keys(diff.after).length > 0) {
    const kind = plan.kind as keyof typeof PLAN_KIND_LABELS;
    await db
      .updateTable('plans')
      .set({
        number: after.number,
        title: after.title,
        issuer: after.issuer,
        place: after.place,
        issued_on: after.issuedOn,
        // As plan-writer.ts writes it, so the plan list's search finds the new number and title.
        search_key: searchKey(
          `${after.number ?? ''} ${after.title} ${after.issuer ?? ''} ${PLAN_KIND_LABELS[kind] ?? ''}`,
        ),
      })
      .where('id', '=', plan.id)
      .execute();
  }
  return { subject: 'plan', action: 'update', taskId: null, targetId: null, label: plan.title, ...diff };
}

// --- Targets -------------------------------------------------------------------------------------

type TargetChange = Extract<RevisionChange, { kind: 'target_add' | 'target_update' | 'target_remove' }>;

async function changeTarget(db: Db, plan: PlanHead, change: TargetChange): Promise<Applied> {
  if (change.kind === 'target_add') {
    const t = change.target;
    const last = await db
      .selectFrom('plan_targets')
      .select((eb) => eb.fn.max('ordinal').as('n'))
      .where('plan_id', '=', plan.id)
      .executeTakeFirst();
    const row = await db
      .insertInto('plan_targets')
      .values({
        plan_id: plan.id,
        ordinal: Number(last?.n ?? 0) + 1,
        text: t.text,
        subject: t.subject,
        kind: t.kind,
        min_value: t.min,
        max_value: t.max,
        unit: t.unit,
        from_year: t.fromYear,
        to_year: t.toYear,
        approximate: t.approximate ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await measureTarget(db, plan, { id: row.id, ...t });
    return {
      subject: 'target',
      action: 'add',
      taskId: null,
      targetId: row.id,
      label: t.subject,
      before: {},
      after: targetFields(t),
    };
  }
  const current = await db
    .selectFrom('plan_targets')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .where('id', '=', change.targetId)
    .executeTakeFirst();
  if (!current) throw notFound('chỉ tiêu');
  const before = targetFields({
    text: current.text,
    subject: current.subject,
    kind: current.kind,
    min: current.min_value,
    max: current.max_value,
    unit: current.unit,
    fromYear: current.from_year,
    toYear: current.to_year,
    approximate: current.approximate === 1,
  });
  const base = { subject: 'target' as const, taskId: null, targetId: current.id, label: current.subject };
  if (change.kind === 'target_remove') {
    // The indicator and its values stay (other targets or the record may use them); the revision
    // keeps the target as it was.
    await db.deleteFrom('plan_targets').where('id', '=', current.id).execute();
    return { ...base, action: 'remove', before, after: {} };
  }
  const t = change.target;
  const diff = changedFields(before, targetFields(t));
  await db
    .updateTable('plan_targets')
    .set({
      text: t.text,
      subject: t.subject,
      kind: t.kind,
      min_value: t.min,
      max_value: t.max,
      unit: t.unit,
      from_year: t.fromYear,
      to_year: t.toYear,
      approximate: t.approximate ? 1 : 0,
    })
    .where('id', '=', current.id)
    .execute();
  return { ...base, action: 'update', ...diff };
}

type TargetInput = Extract<RevisionChange, { kind: 'target_add' }>['target'];

function targetFields(t: TargetInput): Fields {
  return {
    text: t.text,
    subject: t.subject,
    kind: t.kind,
    min: t.min,
    max: t.max,
    unit: t.unit,
    fromYear: t.fromYear,
    toYear: t.toYear,
    approximate: t.approximate,
  };
}

/** A new target is measured by the plan's indicator of the same subject, else by a new indicator. */
async function measureTarget(db: Db, plan: PlanHead, t: TargetInput & { id: number }): Promise<void> {
  const indicators = await db
    .selectFrom('indicators')
    .select(['id', 'code', 'name'])
    .where('plan_id', '=', plan.id)
    .execute();
  const key = subjectKey(t.subject || t.text);
  const same = indicators.find((i) => subjectKey(i.name) === key);
  if (same) {
    await linkTargets(db, same.id, [t.id]);
    return;
  }
  const [proposal] = proposeIndicators([
    { id: t.id, subject: t.subject, kind: t.kind, unit: t.unit, text: t.text },
  ]);
  if (!proposal) return;
  const codes = new Set(indicators.map((i) => i.code));
  let n = indicators.length + 1;
  while (codes.has(`CT${String(n).padStart(2, '0')}`)) n += 1;
  const code = `CT${String(n).padStart(2, '0')}`;
  const id = await insertIndicator(db, {
    planId: plan.id,
    code,
    name: proposal.name,
    unit: proposal.unit,
    definition: null,
    valueKind: proposal.valueKind,
    ownerOrgId: plan.consolidator_org_id,
    searchKey: indicatorSearchKey(code, proposal.name),
  });
  await linkTargets(db, id, [t.id]);
}

// --- Task groups ---------------------------------------------------------------------------------

async function renameGroup(db: Db, planId: number, from: string, to: string): Promise<Applied> {
  if (from === to) throw invalid('Tên mới của nhóm nhiệm vụ trùng tên cũ.');
  const changed = await db
    .updateTable('tasks')
    .set({ group_label: to })
    .where('plan_id', '=', planId)
    .where('group_label', '=', from)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) throw notFound('nhóm nhiệm vụ');
  return {
    subject: 'group',
    action: 'update',
    taskId: null,
    targetId: null,
    label: from,
    before: { name: from },
    after: { name: to },
  };
}

// --- Tasks ---------------------------------------------------------------------------------------

const agencyNames = (list: readonly { text: string }[]) => list.map((a) => a.text);

function taskFields(t: RevisionTaskFields): Fields {
  return {
    ordinal: t.ordinal,
    group: nullIfEmpty(t.group),
    content: t.content,
    product: nullIfEmpty(t.product),
    deadline: t.deadlineText,
    leads: agencyNames(t.leads),
    coordinators: agencyNames(t.coordinators),
  };
}

/** Every organisation named must exist; returns their registry names for the task search. */
async function checkAgencies(db: Db, t: RevisionTaskFields): Promise<string[]> {
  const ids = [...new Set([...t.leads, ...t.coordinators].flatMap((a) => a.organisationId ?? []))];
  if (ids.length === 0) return [];
  const found = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  if (found.length !== ids.length) throw invalid('Có cơ quan không còn trong danh mục cơ quan, đơn vị.');
  return found.map((o) => o.name);
}

async function writeTaskAgencies(db: Db, taskId: number, t: RevisionTaskFields): Promise<void> {
  await db.deleteFrom('task_agencies').where('task_id', '=', taskId).execute();
  const rows = [
    ...t.leads.map((a) => ({ role: 'lead' as const, a })),
    ...t.coordinators.map((a) => ({ role: 'coordinator' as const, a })),
  ].map(({ role, a }: { role: 'lead' | 'coordinator'; a: RevisionAgency }, position) => ({
    task_id: taskId,
    role,
    position,
    agency_text: a.text,
    organisation_id: a.organisationId,
    group_key: a.groupKey,
  }));
  if (rows.length > 0) await db.insertInto('task_agencies').values(rows).execute();
}

function taskColumns(t: RevisionTaskFields, linkedNames: string[], extra: string[]) {
  const deadline = parseDeadline(t.deadlineText);
  return {
    ordinal: t.ordinal,
    group_label: nullIfEmpty(t.group),
    content: t.content,
    product: nullIfEmpty(t.product),
    deadline_kind: deadline.kind,
    deadline_from: deadline.from,
    deadline_to: deadline.to,
    deadline_text: t.deadlineText,
    // As plan-writer.ts builds it: the search finds a task by its agencies' words and registry names.
    search_key: searchKey(
      [
        t.ordinal,
        t.content,
        t.product ?? '',
        ...agencyNames(t.leads),
        ...agencyNames(t.coordinators),
        ...extra,
        ...linkedNames,
      ].join(' '),
    ),
  };
}

async function addTask(
  db: Db,
  planId: number,
  t: RevisionTaskFields,
  today: string,
  addedOn: string,
): Promise<Applied> {
  const linked = await checkAgencies(db, t);
  const last = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  const row = await db
    .insertInto('tasks')
    .values({
      plan_id: planId,
      position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1,
      extra_json: null,
      // In force from the change's date: not in the periods (nor judged in the years) before it.
      added_on: addedOn,
      ...taskColumns(t, linked, []),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeTaskAgencies(db, row.id, t);
  await db
    .updateTable('plans')
    .set((eb) => ({ task_count: eb('task_count', '+', 1) }))
    .where('id', '=', planId)
    .execute();
  await refreshTaskStatuses(db, [row.id], today);
  return {
    subject: 'task',
    action: 'add',
    taskId: row.id,
    targetId: null,
    label: t.ordinal,
    before: {},
    after: taskFields(t),
  };
}

async function updateTask(
  db: Db,
  planId: number,
  taskId: number,
  t: RevisionTaskFields,
  today: string,
): Promise<Applied> {
  const found = await findTaskForEdit(db, planId, taskId);
  if (!found) throw notFound('nhiệm vụ');
  const { task, agencies } = found;
  if (task.removed_on !== null) throw invalid('Nhiệm vụ đã bãi bỏ, không sửa được nữa.');
  const before: Fields = {
    ordinal: task.ordinal,
    group: task.group_label,
    content: task.content,
    product: task.product,
    deadline: task.deadline_text,
    leads: agencies.filter((a) => a.role === 'lead').map((a) => a.agency_text),
    coordinators: agencies.filter((a) => a.role === 'coordinator').map((a) => a.agency_text),
  };
  const diff = changedFields(before, taskFields(t));
  const sameLinks = (role: 'lead' | 'coordinator', list: RevisionAgency[]) =>
    JSON.stringify(
      agencies.filter((a) => a.role === role).map((a) => [a.agency_text, a.organisation_id, a.group_key]),
    ) === JSON.stringify(list.map((a) => [a.text, a.organisationId, a.groupKey]));
  const agenciesChanged = !sameLinks('lead', t.leads) || !sameLinks('coordinator', t.coordinators);
  if (Object.keys(diff.after).length === 0 && !agenciesChanged)
    return { ...taskApplied(task, 'update'), ...diff };
  const undo = {
    task: {
      ordinal: task.ordinal,
      group_label: task.group_label,
      content: task.content,
      product: task.product,
      deadline_kind: task.deadline_kind,
      deadline_from: task.deadline_from,
      deadline_to: task.deadline_to,
      deadline_text: task.deadline_text,
      search_key: task.search_key,
    },
    agencies,
  };
  const linked = await checkAgencies(db, t);
  const extra = task.extra_json ? (JSON.parse(task.extra_json) as { text: string }[]).map((f) => f.text) : [];
  await db
    .updateTable('tasks')
    .set(taskColumns(t, linked, extra))
    .where('id', '=', taskId)
    .execute();
  if (agenciesChanged) await writeTaskAgencies(db, taskId, t);
  // A new deadline is judged at once in every stored year (and a new lead's entries are the word).
  if ('deadline' in diff.after || agenciesChanged) await refreshTaskStatuses(db, [taskId], today);
  if (agenciesChanged && Object.keys(diff.after).length === 0) {
    // Only a registry link changed (same words): the history still says so.
    diff.before.leads = before.leads;
    diff.after.leads = agencyNames(t.leads).map((name, i) =>
      t.leads[i]?.organisationId ? name : `${name} (chưa gắn danh mục)`,
    );
  }
  return {
    ...taskApplied(task, 'update'),
    label: t.ordinal === task.ordinal ? task.ordinal : `${task.ordinal} → ${t.ordinal}`,
    ...diff,
    undo,
  };
}

function taskApplied(task: { id: number; ordinal: string }, action: Applied['action']) {
  return { subject: 'task' as const, action, taskId: task.id, targetId: null, label: task.ordinal };
}

async function removeTask(
  db: Db,
  planId: number,
  taskId: number,
  effectiveOn: string,
  today: string,
): Promise<Applied> {
  const found = await findTaskForEdit(db, planId, taskId);
  if (!found) throw notFound('nhiệm vụ');
  if (found.task.removed_on !== null) throw invalid('Nhiệm vụ đã bãi bỏ từ trước.');
  if (effectiveOn > today)
    throw invalid(
      'Ngày bãi bỏ không được sau hôm nay: hãy bãi bỏ nhiệm vụ khi văn bản có hiệu lực.',
      'change.effectiveOn',
    );
  await db.updateTable('tasks').set({ removed_on: effectiveOn }).where('id', '=', taskId).execute();
  // Its stored statuses of the years after it stopped leave the counts (those of the years it was in
  // force stay); its reports and their entries stay as they were.
  await refreshTaskStatuses(db, [taskId], today);
  await db
    .updateTable('plans')
    .set((eb) => ({ task_count: eb('task_count', '-', 1) }))
    .where('id', '=', planId)
    .execute();
  return {
    ...taskApplied(found.task, 'remove'),
    before: { removedOn: null },
    after: { removedOn: effectiveOn },
  };
}
