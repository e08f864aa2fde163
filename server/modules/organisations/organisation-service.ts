import type { Organisation, OrganisationWrite } from '../../../shared/contracts/organisations';
import {
  ORGANISATION_GROUPS,
  type OrganisationGroupKey,
  resolveGroup,
} from '../../../shared/domain/organisations/groups';
import type { OrganisationKind } from '../../../shared/domain/organisations/kinds';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { AppError, conflict, notFound } from '../../http/errors';
import { recordAudit } from '../audit/audit-repository';
import {
  aliasesByOrganisation,
  findOrganisationByCode,
  findOrganisationRow,
  insertOrganisation,
  listOrganisationRows,
  type OrganisationFilter,
  type OrganisationRow,
  type OrganisationValues,
  updateOrganisation,
} from './organisation-repository';

function toOrganisation(r: OrganisationRow, aliases: string[]): Organisation {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as OrganisationKind,
    parentId: r.parent_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successorId: r.successor_id,
    aliases,
  };
}

export async function listOrganisations(ctx: AppContext, f: OrganisationFilter): Promise<Organisation[]> {
  const rows = await listOrganisationRows(ctx.db, f);
  const aliases = await aliasesByOrganisation(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOrganisation(r, aliases.get(r.id) ?? []));
}

export async function getOrganisation(ctx: AppContext, id: number): Promise<Organisation> {
  const row = await findOrganisationRow(ctx.db, id);
  if (!row) throw notFound('cơ quan');
  const aliases = await aliasesByOrganisation(ctx.db, [id]);
  return toOrganisation(row, aliases.get(id) ?? []);
}

export async function groupMembers(
  ctx: AppContext,
  key: OrganisationGroupKey,
  on: string,
): Promise<Organisation[]> {
  const all = await listOrganisations(ctx, {});
  return resolveGroup(key, all, on);
}

export const groupLabel = (key: OrganisationGroupKey): string => ORGANISATION_GROUPS[key].label;

async function validate(
  ctx: AppContext,
  input: OrganisationWrite,
  selfId: number | null,
): Promise<OrganisationValues> {
  const v: OrganisationValues = {
    code: input.code,
    name: input.name,
    shortName: input.shortName ?? null,
    kind: input.kind,
    parentId: input.parentId ?? null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    successorId: input.successorId ?? null,
    aliases: [...new Set(input.aliases ?? [])],
  };
  const sameCode = await findOrganisationByCode(ctx.db, v.code);
  if (sameCode && sameCode.id !== selfId)
    throw conflict(`Mã cơ quan "${v.code}" đã được dùng cho ${sameCode.name}.`);
  if (v.validFrom && v.validTo && v.validTo < v.validFrom) {
    throw new AppError('VALIDATION_FAILED', 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.', [
      { path: 'validTo', message: 'Phải sau ngày bắt đầu hiệu lực' },
    ]);
  }
  for (const [field, id, label] of [
    ['parentId', v.parentId, 'Cơ quan cấp trên'],
    ['successorId', v.successorId, 'Cơ quan kế thừa'],
  ] as const) {
    if (id === null) continue;
    if (id === selfId) {
      throw new AppError('VALIDATION_FAILED', `${label} không thể là chính cơ quan này.`, [
        { path: field, message: 'Không hợp lệ' },
      ]);
    }
    if (!(await findOrganisationRow(ctx.db, id))) {
      throw new AppError('VALIDATION_FAILED', `${label} không tồn tại.`, [
        { path: field, message: 'Không tồn tại' },
      ]);
    }
  }
  return v;
}

export async function createOrganisation(
  ctx: AppContext,
  actor: AuthUser | null,
  input: OrganisationWrite,
  requestId: string | null,
): Promise<Organisation> {
  const values = await validate(ctx, input, null);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertOrganisation(trx, values);
    await recordAudit(trx, {
      actorId: actor?.id ?? null,
      action: 'organisation.created',
      entity: 'organisation',
      entityId: newId,
      detail: values,
      requestId,
    });
    return newId;
  });
  return getOrganisation(ctx, id);
}

export async function editOrganisation(
  ctx: AppContext,
  actor: AuthUser,
  id: number,
  input: OrganisationWrite,
  requestId: string,
): Promise<Organisation> {
  const before = await getOrganisation(ctx, id);
  const values = await validate(ctx, input, id);
  await ctx.db.transaction().execute(async (trx) => {
    await updateOrganisation(trx, id, values);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'organisation.updated',
      entity: 'organisation',
      entityId: id,
      detail: { before, after: values },
      requestId,
    });
  });
  return getOrganisation(ctx, id);
}
