import type {
  AmendmentFile,
  AmendmentView,
  ApplyAmendmentRequest,
  ProposedChange,
  RevertAmendmentRequest,
} from '../../../shared/contracts/plan-amendments';
import type {
  AmendmentSummary,
  RevisionAgency,
  RevisionTaskFields,
} from '../../../shared/contracts/plan-revisions';
import { matchAgency, namesWithCommas, splitAgencyList } from '../../../shared/domain/organisations/match';
import { readPlanUpload } from '../../../shared/domain/plan-import/read-upload';
import { resolutionFromMatch, toReviewDraft } from '../../../shared/domain/plan-import/review';
import { type PlanTaskRef, readAmendment } from '../../../shared/domain/plans/amendment-reading';
import { localDate } from '../../../shared/domain/reporting/local-date';
import type { ActionContext, AppContext, RequestContext } from '../../context';
import { inTransaction } from '../../context';
import type { Db } from '../../db/db';
import { sha256Hex } from '../../files/file-store';
import { fileStoreOf } from '../../files/select-file-store';
import type { AuthUser } from '../../http/auth-state';
import { AppError, conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { findDocumentBySha, insertDocument } from '../plan-import/import-repository';
import { agencyRegistry, MAX_UPLOAD_BYTES } from '../plan-import/import-service';
import { uploadConverters } from '../plan-import/upload-converters';
import { refreshTaskStatuses } from '../reporting/task-status-store';
import {
  findAmendment,
  insertAmendment,
  laterRevisionsOfTasks,
  planFile,
  revisionsOfAmendment,
  taskHasReports,
  tasksInForce,
} from './amendment-repository';
import { assertMayEditPlan } from './plan-edit-policy';
import { endedPlanMessage } from './plan-end';
import { findPlanForEdit, insertRevision, listAmendmentRows } from './revision-repository';
import {
  type Applied,
  applyChange,
  effectiveDateOf,
  type PlanHead,
  toAmendmentSummary,
} from './revision-service';

/**
 * Amending documents (issue 13, item 2). Upload: the importer's readers read the file (any format it
 * reads), `readAmendment` (shared/domain/plans/amendment-reading.ts) turns it into proposed changes of
 * the plan's tasks, and the file and proposal are kept as a draft amendment. Apply: the ticked (and
 * possibly edited) changes go through the single-change code of revision-service.ts, each a
 * `plan_revisions` row of the amendment, all in one transaction. Revert: each row undone, newest first,
 * as a revert amendment of its own; refused when a later change touched the same tasks.
 */

const invalid = (message: string, path = 'changes') =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

export async function editablePlan(db: Db, actor: AuthUser, planId: number): Promise<PlanHead> {
  const plan = await findPlanForEdit(db, planId);
  if (!plan) throw notFound('kế hoạch');
  assertMayEditPlan(actor, plan, plan.consolidator_name);
  return plan;
}

/** The plan as `editablePlan`, refused once it was annulled or replaced: it is changed no more. */
async function planInForce(db: Db, actor: AuthUser, planId: number): Promise<PlanHead> {
  const plan = await editablePlan(db, actor, planId);
  if (plan.ended_on !== null) throw invalid(await endedPlanMessage(db, plan), 'plan');
  return plan;
}

/** Keeps an uploaded file (FileStore, by SHA-256) with its `documents` row; returns the row's id. */
async function keepFile(
  rc: ActionContext,
  upload: { filename: string; bytes: Uint8Array },
  mediaType: string,
): Promise<number> {
  const sha = sha256Hex(upload.bytes);
  await fileStoreOf(rc.app).put(upload.bytes);
  const known = await findDocumentBySha(rc.db, sha);
  return (
    known?.id ??
    insertDocument(rc.db, {
      sha256: sha,
      filename: upload.filename,
      mediaType,
      size: upload.bytes.byteLength,
      uploadedBy: rc.actor?.id ?? null,
    })
  );
}

function taskRefs(rows: Awaited<ReturnType<typeof tasksInForce>>): PlanTaskRef[] {
  const byTask = new Map<number, typeof rows.agencies>();
  for (const a of rows.agencies) byTask.set(a.task_id, [...(byTask.get(a.task_id) ?? []), a]);
  const agency = (a: (typeof rows.agencies)[number]): RevisionAgency => ({
    text: a.agency_text,
    organisationId: a.organisation_id,
    groupKey: a.group_key,
  });
  return rows.tasks.map((t) => {
    const agencies = byTask.get(t.id) ?? [];
    return {
      id: t.id,
      fields: {
        ordinal: t.ordinal,
        group: t.group_label,
        content: t.content,
        product: t.product,
        deadlineText: t.deadline_text,
        leads: agencies.filter((a) => a.role === 'lead').map(agency),
        coordinators: agencies.filter((a) => a.role === 'coordinator').map(agency),
      } satisfies RevisionTaskFields,
    };
  });
}

interface StoredProposal {
  changes: ProposedChange[];
  warnings: { message: string }[];
  groups: string[];
}

/** Reads an amending document against the plan into a proposal, kept with the file as a draft. */
export async function createAmendment(
  rc: RequestContext,
  planId: number,
  upload: { filename: string; bytes: Uint8Array },
): Promise<AmendmentView> {
  await planInForce(rc.db, rc.actor, planId);
  if (upload.bytes.byteLength > MAX_UPLOAD_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp vượt quá 20 MB.');
  const read = await readPlanUpload(upload.filename, upload.bytes, uploadConverters(rc.app.config.documents));
  if (!read.ok) throw new AppError('VALIDATION_FAILED', read.error.message);
  const registry = await agencyRegistry(rc.app);
  const on = read.draft.issuedOn ?? undefined;
  const wholeNames = namesWithCommas(registry);
  const draft = toReviewDraft(read.draft, (raw) => matchAgency(raw, registry, on), wholeNames);
  const today = localDate(new Date());
  const tasks = taskRefs(await tasksInForce(rc.db, planId));
  const reading = readAmendment(draft, {
    tasks,
    effectiveOn: draft.issuedOn && draft.issuedOn < today ? draft.issuedOn : today,
    agencies: (text) =>
      splitAgencyList(text, wholeNames).map((name) => {
        const r = resolutionFromMatch(matchAgency(name, registry, on));
        return {
          text: name,
          organisationId:
            r.type === 'organisation' && r.confidence >= 0.8 && !r.notInForce ? r.organisationId : null,
          groupKey: r.type === 'group' ? r.groupKey : null,
        };
      }),
  });
  const proposal: StoredProposal = {
    ...reading,
    groups: [...new Set(tasks.flatMap((t) => (t.fields.group === null ? [] : [t.fields.group])))],
  };
  const id = await inTransaction(rc, async (tx) => {
    const documentId = await keepFile(tx, upload, read.mediaType);
    const amendmentId = await insertAmendment(tx.db, {
      plan_id: planId,
      kind: 'amendment',
      status: 'draft',
      reverts_id: null,
      document_id: documentId,
      document_number: draft.number,
      document_date: draft.issuedOn,
      document_title: draft.title || null,
      reason: null,
      proposal_json: JSON.stringify(proposal),
      created_by: rc.actor.id,
      created_at: rc.now(),
    });
    await audit(tx, {
      action: 'plan.amendment_read',
      entity: 'plan',
      entityId: planId,
      detail: {
        amendmentId,
        filename: upload.filename,
        number: draft.number,
        changes: reading.changes.length,
        warnings: reading.warnings.length,
      },
    });
    return amendmentId;
  });
  return getAmendment(rc.app, rc.actor, planId, id);
}

export async function getAmendment(
  ctx: AppContext,
  actor: AuthUser,
  planId: number,
  amendmentId: number,
): Promise<AmendmentView> {
  await editablePlan(ctx.db, actor, planId);
  const a = await findAmendment(ctx.db, planId, amendmentId);
  if (a?.kind !== 'amendment') throw notFound('văn bản điều chỉnh');
  const proposal: StoredProposal = a.proposal_json
    ? (JSON.parse(a.proposal_json) as StoredProposal)
    : { changes: [], warnings: [], groups: [] };
  return {
    id: a.id,
    planId,
    status: a.status,
    document: {
      number: a.document_number,
      date: a.document_date,
      title: a.document_title,
      file:
        a.document_id !== null && a.filename
          ? { id: a.document_id, filename: a.filename, mediaType: a.media_type ?? '', size: a.size ?? 0 }
          : null,
    },
    changes: proposal.changes,
    warnings: proposal.warnings,
    groups: proposal.groups,
  };
}

async function summaryOf(db: Db, planId: number, amendmentId: number): Promise<AmendmentSummary> {
  const rows = await listAmendmentRows(db, planId);
  const a = rows.find((r) => r.id === amendmentId);
  if (!a) throw notFound('văn bản điều chỉnh');
  const revertedBy = rows.find((r) => r.reverts_id === a.id)?.id ?? null;
  const revisions = await db
    .selectFrom('plan_revisions')
    .select('amendment_id')
    .where('amendment_id', '=', amendmentId)
    .execute();
  return toAmendmentSummary(a, revertedBy, revisions);
}

const revisionOf = (
  planId: number,
  amendmentId: number,
  a: Applied,
  reason: string,
  document: { number: string | null; date: string | null },
  rc: RequestContext,
) => ({
  plan_id: planId,
  subject: a.subject,
  action: a.action,
  task_id: a.taskId,
  target_id: a.targetId,
  label: a.label,
  reason,
  document_number: document.number,
  document_date: document.date,
  before_json: JSON.stringify(a.before),
  after_json: JSON.stringify(a.after),
  undo_json: a.undo === undefined ? null : JSON.stringify(a.undo),
  amendment_id: amendmentId,
  created_by: rc.actor.id,
  created_at: rc.now(),
});

/** Applies the ticked changes of a draft amendment as one revision, in one transaction. */
export async function applyAmendment(
  rc: RequestContext,
  planId: number,
  amendmentId: number,
  req: ApplyAmendmentRequest,
): Promise<AmendmentSummary> {
  const today = localDate(new Date());
  await inTransaction(rc, async (tx) => {
    const plan = await editablePlan(tx.db, rc.actor, planId);
    if (plan.ended_on !== null) throw invalid(await endedPlanMessage(tx.db, plan));
    const a = await findAmendment(tx.db, planId, amendmentId);
    if (a?.kind !== 'amendment') throw notFound('văn bản điều chỉnh');
    if (a.status !== 'draft')
      throw conflict('Văn bản điều chỉnh này đã được áp dụng; xem trong lịch sử thay đổi của kế hoạch.');
    const seen = new Set<number>();
    let applied = 0;
    for (const [i, change] of req.changes.entries()) {
      if (change.kind !== 'task_add') {
        if (seen.has(change.taskId))
          throw invalid(
            `Thay đổi thứ ${i + 1} sửa lại một nhiệm vụ đã có thay đổi khác trong cùng văn bản; hãy gộp lại.`,
          );
        seen.add(change.taskId);
      }
      // Each change takes effect on the amending document's date (no later than today for a task
      // added or removed), as a single change citing that document would.
      const effectiveOn = effectiveDateOf({ reason: req.reason, document: req.document, change }, today);
      const result = await applyChange(tx, plan, change, today, effectiveOn).catch((e: unknown) => {
        if (e instanceof AppError)
          throw new AppError(
            e.code,
            `Thay đổi thứ ${i + 1}: ${e.message}`,
            e.fields?.map((f) => ({ ...f, path: `changes.${i}.${f.path}` })),
          );
        throw e;
      });
      // A change the officer left as the plan already has it is no change.
      if (result.action === 'update' && Object.keys(result.after).length === 0) continue;
      await insertRevision(tx.db, {
        ...revisionOf(planId, amendmentId, result, req.reason, req.document, rc),
        effective_on: effectiveOn,
      });
      if (result.subject === 'task' && result.taskId !== null && 'deadline' in result.after)
        await refreshTaskStatuses(tx.db, [result.taskId], today);
      applied += 1;
    }
    if (applied === 0) throw invalid('Các thay đổi đã chọn không khác gì kế hoạch hiện hành.');
    await tx.db
      .updateTable('plan_amendments')
      .set({
        status: 'applied',
        reason: req.reason,
        document_number: req.document.number,
        document_date: req.document.date,
        applied_by: rc.actor.id,
        applied_at: rc.now(),
      })
      .where('id', '=', amendmentId)
      .execute();
    await audit(tx, {
      action: 'plan.amended',
      entity: 'plan',
      entityId: planId,
      detail: { amendmentId, document: req.document, reason: req.reason, changes: applied },
    });
  });
  return summaryOf(rc.app.db, planId, amendmentId);
}

interface TaskUndo {
  task: Record<string, string | null>;
  agencies: {
    role: 'lead' | 'coordinator';
    position: number;
    agency_text: string;
    organisation_id: number | null;
    group_key: string | null;
  }[];
}

/** Undoes an applied amendment exactly, as a revert amendment of its own, in one transaction. */
export async function revertAmendment(
  rc: RequestContext,
  planId: number,
  amendmentId: number,
  req: RevertAmendmentRequest,
): Promise<AmendmentSummary> {
  const today = localDate(new Date());
  const revertId = await inTransaction(rc, async (tx) => {
    const db = tx.db;
    await planInForce(db, rc.actor, planId);
    const a = await findAmendment(db, planId, amendmentId);
    if (a?.kind !== 'amendment' || a.status === 'draft') throw notFound('văn bản điều chỉnh đã áp dụng');
    const doc = a.document_number ?? 'điều chỉnh';
    if (a.status === 'reverted') throw conflict(`Văn bản ${doc} đã được hoàn tác trước đó.`);
    const rows = await revisionsOfAmendment(db, amendmentId);
    const taskIds = [...new Set(rows.flatMap((r) => (r.task_id === null ? [] : [r.task_id])))];
    const lastId = Math.max(...rows.map((r) => r.id));
    const later = await laterRevisionsOfTasks(db, planId, lastId, taskIds);
    if (later.length > 0) {
      const labels = [...new Set(later.map((r) => r.label))].join(', ');
      throw conflict(
        `Không hoàn tác được văn bản ${doc}: nhiệm vụ ${labels} đã được sửa sau khi áp dụng văn bản này. Hãy hoàn tác hoặc sửa lại các thay đổi sau đó trước.`,
      );
    }
    const id = await insertAmendment(db, {
      plan_id: planId,
      kind: 'revert',
      status: 'applied',
      reverts_id: amendmentId,
      document_id: a.document_id,
      document_number: a.document_number,
      document_date: a.document_date,
      document_title: a.document_title,
      reason: req.reason,
      proposal_json: null,
      created_by: rc.actor.id,
      created_at: rc.now(),
      applied_by: rc.actor.id,
      applied_at: rc.now(),
    });
    const refresh: number[] = [];
    for (const r of [...rows].reverse()) {
      const before = JSON.parse(r.before_json) as Record<string, unknown>;
      const after = JSON.parse(r.after_json) as Record<string, unknown>;
      const base = { subject: r.subject, targetId: null, label: r.label };
      let undone: Applied;
      if (r.task_id === null) continue;
      if (r.action === 'add') {
        await db
          .updateTable('plans')
          .set((eb) => ({ task_count: eb('task_count', '-', 1) }))
          .where('id', '=', planId)
          .execute();
        if (await taskHasReports(db, r.task_id)) {
          // Agencies have reported on it: the task ends today, its reports stay.
          await db.updateTable('tasks').set({ removed_on: today }).where('id', '=', r.task_id).execute();
          await db.deleteFrom('task_statuses').where('task_id', '=', r.task_id).execute();
          undone = {
            ...base,
            action: 'remove',
            taskId: r.task_id,
            before: { removedOn: null },
            after: { removedOn: today },
          };
        } else {
          // Untouched by reports: the task goes; the history keeps what was added and taken away.
          await db
            .updateTable('plan_revisions')
            .set({ task_id: null })
            .where('task_id', '=', r.task_id)
            .execute();
          await db.deleteFrom('tasks').where('id', '=', r.task_id).execute();
          undone = { ...base, action: 'remove', taskId: null, before: after, after: {} };
        }
      } else if (r.action === 'remove') {
        await db.updateTable('tasks').set({ removed_on: null }).where('id', '=', r.task_id).execute();
        await db
          .updateTable('plans')
          .set((eb) => ({ task_count: eb('task_count', '+', 1) }))
          .where('id', '=', planId)
          .execute();
        refresh.push(r.task_id);
        undone = { ...base, action: 'update', taskId: r.task_id, before: after, after: before };
      } else {
        const undo = JSON.parse(r.undo_json ?? 'null') as TaskUndo | null;
        if (!undo) throw conflict(`Không có dữ liệu để hoàn tác thay đổi của nhiệm vụ ${r.label}.`);
        await db.updateTable('tasks').set(undo.task).where('id', '=', r.task_id).execute();
        await db.deleteFrom('task_agencies').where('task_id', '=', r.task_id).execute();
        if (undo.agencies.length > 0)
          await db
            .insertInto('task_agencies')
            .values(
              undo.agencies.map((g) => ({
                task_id: r.task_id as number,
                role: g.role,
                position: g.position,
                agency_text: g.agency_text,
                organisation_id: g.organisation_id,
                group_key: g.group_key as never,
              })),
            )
            .execute();
        refresh.push(r.task_id);
        undone = { ...base, action: 'update', taskId: r.task_id, before: after, after: before };
      }
      await insertRevision(
        db,
        revisionOf(planId, id, undone, req.reason, { number: a.document_number, date: a.document_date }, rc),
      );
    }
    await refreshTaskStatuses(db, refresh, today);
    await db
      .updateTable('plan_amendments')
      .set({ status: 'reverted' })
      .where('id', '=', amendmentId)
      .execute();
    await audit(tx, {
      action: 'plan.amendment_reverted',
      entity: 'plan',
      entityId: planId,
      detail: {
        amendmentId,
        revertId: id,
        document: a.document_number,
        reason: req.reason,
        changes: rows.length,
      },
    });
    return id;
  });
  return summaryOf(rc.app.db, planId, revertId);
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** The amending document's file of a single change, kept before the change is sent. */
export async function uploadRevisionFile(
  rc: RequestContext,
  planId: number,
  upload: { filename: string; bytes: Uint8Array },
): Promise<AmendmentFile> {
  await planInForce(rc.db, rc.actor, planId);
  if (upload.bytes.byteLength > MAX_UPLOAD_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp vượt quá 20 MB.');
  if (upload.bytes.byteLength === 0) throw invalid('Tệp văn bản điều chỉnh rỗng.', 'file');
  const ext = upload.filename.split('.').pop()?.toLowerCase() ?? '';
  const mediaType = MEDIA_TYPES[ext] ?? 'application/octet-stream';
  const id = await inTransaction(rc, (tx) => keepFile(tx, upload, mediaType));
  const row = await rc.app.db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, filename: row.filename, mediaType: row.media_type, size: row.size };
}

/** A file of the plan's history (an amending document), for download. */
export async function readPlanFile(ctx: AppContext, planId: number, fileId: number) {
  const plan = await findPlanForEdit(ctx.db, planId);
  if (!plan) throw notFound('kế hoạch');
  const doc = await planFile(ctx.db, planId, fileId);
  if (!doc) throw notFound('tệp văn bản điều chỉnh');
  const bytes = await fileStoreOf(ctx).get(doc.sha256);
  if (!bytes) throw new AppError('INTERNAL', `Không tìm thấy tệp văn bản đã lưu (SHA-256 ${doc.sha256}).`);
  return { doc, bytes };
}
