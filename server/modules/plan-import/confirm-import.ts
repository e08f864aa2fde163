import type { Kysely } from 'kysely';
import type { AgencyResolution } from '../../../shared/contracts/plan-import';
import { reviewDraftSchema } from '../../../shared/contracts/plan-import';
import { foldAgencyName } from '../../../shared/domain/organisations/agency-name';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { foldDiacritics } from '../../../shared/domain/text/normalize';
import { type ActionContext, inTransaction, type RequestContext } from '../../context';
import type { Database } from '../../db/schema';
import { conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { createPlanIndicators } from '../indicators/create-plan-indicators';
import { assertAgencyNameFree } from '../organisations/name-uniqueness';
import { findOrganisationByCode, insertOrganisation } from '../organisations/organisation-repository';
import { type AgencyLink, insertPlan } from '../plans/plan-writer';
import { refreshPlanStatuses } from '../reporting/task-status-store';
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
  rc: ActionContext,
  id: number,
  // Unattended imports (command line, demo) keep unknown names as text: no one chose to register them.
  opts: { registerNewAgencies: boolean } = { registerNewAgencies: true },
) {
  const row = await findImportWithDocument(rc.db, id);
  if (!row) throw notFound('phiên nhập kế hoạch');
  if (row.status !== 'draft') throw conflict('Bản nháp này đã được xác nhận hoặc đã hủy.');
  const draft = reviewDraftSchema.parse(JSON.parse(row.draft_json));
  const dup = await findDuplicatePlan(rc.db, {
    documentId: row.document_id,
    number: draft.number,
    issuedOn: draft.issuedOn,
  });
  if (dup) {
    throw conflict(
      `Kế hoạch này đã có trong hệ thống: ${dup.number ?? ''} ${dup.title}`.replace(/\s+/g, ' ').trim(),
    );
  }

  return inTransaction(rc, async (tx) => {
    // The same new name may appear in many rows, spelt with other case or accents: register it once.
    const created = new Map<string, number>();
    for (const r of allResolutions(draft)) {
      if (r.type !== 'new' || created.has(foldAgencyName(r.name)) || !opts.registerNewAgencies) continue;
      // A name the registry already has (while still valid) is that agency, not a new one.
      await assertAgencyNameFree(tx.db, { name: r.name, validFrom: null, validTo: null }, null, 'draft');
      const orgId = await insertOrganisation(tx.db, {
        code: await freshCode(tx.db, r.name),
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
      await audit(tx, {
        action: 'organisation.created',
        entity: 'organisation',
        entityId: orgId,
        detail: { name: r.name, kind: r.kind, fromImport: id },
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
    const planId = await insertPlan(tx.db, draft, link, {
      documentId: row.document_id,
      importId: id,
      createdBy: rc.actor?.id ?? null,
    });
    await createPlanIndicators(tx, planId);
    // The new tasks' statuses for this year are stored with the plan (later years on first read).
    const today = localDate(rc.now());
    await refreshPlanStatuses(tx.db, planId, Number(today.slice(0, 4)), today);
    if (!(await setImportStatus(tx.db, id, 'draft', 'confirmed', planId))) {
      throw conflict('Bản nháp này vừa được người khác xác nhận.');
    }
    await audit(tx, {
      action: 'plan.created',
      entity: 'plan',
      entityId: planId,
      detail: { importId: id, number: draft.number, tasks: draft.tasks.length, newAgencies: created.size },
    });
    return planId;
  });
}

export async function discardImport(rc: RequestContext, id: number): Promise<void> {
  const row = await findImportWithDocument(rc.db, id);
  if (!row) throw notFound('phiên nhập kế hoạch');
  await inTransaction(rc, async (tx) => {
    if (!(await setImportStatus(tx.db, id, 'draft', 'discarded', null))) {
      throw conflict('Chỉ hủy được bản nháp chưa xác nhận.');
    }
    await audit(tx, {
      action: 'plan_import.discarded',
      entity: 'plan_import',
      entityId: id,
    });
  });
}

function* allResolutions(draft: ReturnType<typeof reviewDraftSchema.parse>): Generator<AgencyResolution> {
  if (draft.consolidatorResolution) yield draft.consolidatorResolution;
  for (const d of draft.duties) for (const a of d.agencies) yield a.resolution;
  for (const t of draft.tasks) for (const a of [...t.leads, ...t.coordinatorLinks]) yield a.resolution;
}
