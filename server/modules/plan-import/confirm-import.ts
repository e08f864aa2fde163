import type { Kysely } from 'kysely';
import type { AgencyResolution } from '../../../shared/contracts/plan-import';
import { reviewDraftSchema } from '../../../shared/contracts/plan-import';
import { foldAgencyName } from '../../../shared/domain/organisations/agency-name';
import { foldDiacritics } from '../../../shared/domain/text/normalize';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import type { AuthUser } from '../../http/auth-state';
import { conflict, notFound } from '../../http/errors';
import { recordAudit } from '../audit/audit-repository';
import { createPlanIndicators } from '../indicators/create-plan-indicators';
import { assertAgencyNameFree } from '../organisations/name-uniqueness';
import { findOrganisationByCode, insertOrganisation } from '../organisations/organisation-repository';
import { type AgencyLink, insertPlan } from '../plans/plan-writer';
import { findDuplicatePlan, findImportWithDocument, setImportStatus } from './import-repository';

/** A registry code for an agency registered from a plan: its folded name, made unique. */
async function freshCode(db: Kysely<Database>, name: string): Promise<string> {
  const base =
    foldDiacritics(name)
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 40) || 'CO_QUAN';
  let code = base;
  for (let n = 2; await findOrganisationByCode(db, code); n++) code = `${base}_${n}`;
  return code;
}

/**
 * Turns a reviewed draft into a plan, in one transaction: agencies the officer chose to register
 * are created, the plan and all its parts are written, and the import is marked confirmed. A plan
 * already in planwatch (same file, or same number and date) is refused.
 */
export async function confirmImport(
  ctx: AppContext,
  actor: AuthUser | null,
  id: number,
  requestId: string | null,
  // Unattended imports (command line, demo) keep unknown names as text: no one chose to register them.
  opts: { registerNewAgencies: boolean } = { registerNewAgencies: true },
) {
  const row = await findImportWithDocument(ctx.db, id);
  if (!row) throw notFound('phiên nhập kế hoạch');
  if (row.status !== 'draft') throw conflict('Bản nháp này đã được xác nhận hoặc đã hủy.');
  const draft = reviewDraftSchema.parse(JSON.parse(row.draft_json));
  const dup = await findDuplicatePlan(ctx.db, {
    documentId: row.document_id,
    number: draft.number,
    issuedOn: draft.issuedOn,
  });
  if (dup) {
    throw conflict(
      `Kế hoạch này đã có trong hệ thống: ${dup.number ?? ''} ${dup.title}`.replace(/\s+/g, ' ').trim(),
    );
  }

  return ctx.db.transaction().execute(async (trx) => {
    // The same new name may appear in many rows, spelt with other case or accents: register it once.
    const created = new Map<string, number>();
    for (const r of allResolutions(draft)) {
      if (r.type !== 'new' || created.has(foldAgencyName(r.name)) || !opts.registerNewAgencies) continue;
      // A name the registry already has (while still valid) is that agency, not a new one.
      await assertAgencyNameFree(trx, { name: r.name, validFrom: null, validTo: null }, null, 'draft');
      const orgId = await insertOrganisation(trx, {
        code: await freshCode(trx, r.name),
        name: r.name,
        shortName: null,
        kind: r.kind,
        parentId: null,
        validFrom: null,
        validTo: null,
        successorId: null,
        aliases: [],
      });
      created.set(foldAgencyName(r.name), orgId);
      await recordAudit(trx, {
        actorId: actor?.id ?? null,
        action: 'organisation.created',
        entity: 'organisation',
        entityId: orgId,
        detail: { name: r.name, kind: r.kind, fromImport: id },
        requestId,
      });
    }
    const link = (r: AgencyResolution): AgencyLink => {
      switch (r.type) {
        case 'organisation':
          return { organisationId: r.organisationId, groupKey: null };
        case 'group':
          return { organisationId: null, groupKey: r.groupKey };
        case 'new':
          return { organisationId: created.get(foldAgencyName(r.name)) ?? null, groupKey: null };
        default:
          return { organisationId: null, groupKey: null };
      }
    };
    const planId = await insertPlan(trx, draft, link, {
      documentId: row.document_id,
      importId: id,
      createdBy: actor?.id ?? null,
    });
    await createPlanIndicators(trx, planId, actor?.id ?? null, requestId);
    if (!(await setImportStatus(trx, id, 'draft', 'confirmed', planId))) {
      throw conflict('Bản nháp này vừa được người khác xác nhận.');
    }
    await recordAudit(trx, {
      actorId: actor?.id ?? null,
      action: 'plan.created',
      entity: 'plan',
      entityId: planId,
      detail: { importId: id, number: draft.number, tasks: draft.tasks.length, newAgencies: created.size },
      requestId,
    });
    return planId;
  });
}

export async function discardImport(
  ctx: AppContext,
  actor: AuthUser,
  id: number,
  requestId: string,
): Promise<void> {
  const row = await findImportWithDocument(ctx.db, id);
  if (!row) throw notFound('phiên nhập kế hoạch');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await setImportStatus(trx, id, 'draft', 'discarded', null))) {
      throw conflict('Chỉ hủy được bản nháp chưa xác nhận.');
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'plan_import.discarded',
      entity: 'plan_import',
      entityId: id,
      requestId,
    });
  });
}

function* allResolutions(draft: ReturnType<typeof reviewDraftSchema.parse>): Generator<AgencyResolution> {
  if (draft.consolidatorResolution) yield draft.consolidatorResolution;
  for (const d of draft.duties) for (const a of d.agencies) yield a.resolution;
  for (const t of draft.tasks) for (const a of [...t.leads, ...t.coordinatorLinks]) yield a.resolution;
}
