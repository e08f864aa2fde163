import type { CreatePlanDraftRequest, PlanImport, ReviewDraft } from '../../../shared/contracts/plan-import';
import { reviewDraftSchema } from '../../../shared/contracts/plan-import';
import {
  consolidatorIdOf,
  emptyHandMadeDraft,
  handMadeProblems,
} from '../../../shared/domain/plan-import/hand-made';
import { inTransaction, type RequestContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { AppError, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { findOrganisationRow } from '../organisations/organisation-repository';
import { confirmImport, discardImport } from './confirm-import';
import { assertMayMakePlan, mayMakePlan } from './hand-made-policy';
import { findImportWithDocument, insertImport, listHandMadeRows } from './import-repository';
import { getImport, saveImportDraft } from './import-service';

/*
 * Plans entered by hand (issue 13 item 5). A hand-made plan is a `plan_imports` draft without a
 * document: it is saved, matched to the registry, reviewed and confirmed exactly as an imported one
 * (import-service.ts, confirm-import.ts, plans/plan-writer.ts); only who may touch it differs.
 */

const actorOf = (rc: RequestContext): AuthUser => rc.actor;

async function organisationName(rc: RequestContext, id: number | null): Promise<string | null> {
  if (id === null) return null;
  return (await findOrganisationRow(rc.db, id))?.name ?? null;
}

/** The hand-made draft, once the caller may use it; an upload's draft is not one (404). */
async function loadHandMade(rc: RequestContext, id: number) {
  const row = await findImportWithDocument(rc.db, id);
  if (!row || row.document_id !== null) throw notFound('bản nháp kế hoạch nhập tay');
  const draft = reviewDraftSchema.parse(JSON.parse(row.draft_json));
  const consolidatorId = consolidatorIdOf(draft);
  assertMayMakePlan(actorOf(rc), consolidatorId, await organisationName(rc, consolidatorId));
  return { row, draft };
}

export async function createHandMadeDraft(
  rc: RequestContext,
  input: CreatePlanDraftRequest,
): Promise<PlanImport> {
  const actor = actorOf(rc);
  const org = await findOrganisationRow(rc.db, input.consolidatorId);
  if (!org)
    throw new AppError('VALIDATION_FAILED', 'Không tìm thấy cơ quan chủ trì tổng hợp đã chọn.', [
      { path: 'consolidatorId', message: 'Cơ quan chủ trì tổng hợp không có trong danh mục' },
    ]);
  assertMayMakePlan(actor, org.id, org.name);
  const draft = emptyHandMadeDraft({ id: org.id, name: org.name });
  const id = await inTransaction(rc, async (tx) => {
    const importId = await insertImport(tx.db, {
      documentId: null,
      sourceText: '',
      draftJson: JSON.stringify(draft),
      createdBy: actor.id,
    });
    await audit(tx, {
      action: 'plan_import.created',
      entity: 'plan_import',
      entityId: importId,
      detail: { handMade: true, consolidator: org.name },
    });
    return importId;
  });
  return getImport(rc.app, id);
}

export async function getHandMadeDraft(rc: RequestContext, id: number): Promise<PlanImport> {
  await loadHandMade(rc, id);
  return getImport(rc.app, id);
}

/** Open hand-made drafts the caller may continue: an administrator's all, a coordinator's agency's. */
export async function listHandMadeDrafts(rc: RequestContext) {
  const actor = actorOf(rc);
  const rows = await listHandMadeRows(rc.db);
  return rows.flatMap((r) => {
    const draft = reviewDraftSchema.parse(JSON.parse(r.draft_json));
    if (!mayMakePlan(actor, consolidatorIdOf(draft))) return [];
    return [
      {
        id: r.id,
        number: draft.number,
        title: draft.title,
        tasks: draft.tasks.length,
        consolidator: draft.regime?.consolidator ?? null,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        createdByName: r.created_by_name,
      },
    ];
  });
}

export async function saveHandMadeDraft(
  rc: RequestContext,
  id: number,
  input: { version: number; draft: ReviewDraft },
): Promise<PlanImport> {
  await loadHandMade(rc, id);
  // A coordinator cannot hand their draft to another agency: the new consolidator must be theirs too.
  const next = consolidatorIdOf(input.draft);
  assertMayMakePlan(actorOf(rc), next, await organisationName(rc, next));
  return saveImportDraft(rc, id, input);
}

export async function confirmHandMadeDraft(rc: RequestContext, id: number): Promise<number> {
  const { row, draft } = await loadHandMade(rc, id);
  if (row.status === 'draft') {
    const problems = handMadeProblems(draft);
    if (problems.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `Chưa xác nhận được kế hoạch: ${problems.map((p) => p.message).join('; ')}.`,
        problems,
      );
  }
  return confirmImport(rc, id);
}

export async function discardHandMadeDraft(rc: RequestContext, id: number): Promise<void> {
  await loadHandMade(rc, id);
  await discardImport(rc, id);
}
