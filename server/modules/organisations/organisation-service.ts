import type { Organisation, OrganisationWrite } from '../../../shared/contracts/organisations';
import {
  ORGANISATION_GROUPS,
  type OrganisationGroupKey,
  resolveGroup,
} from '../../../shared/domain/organisations/groups';
import type { SuccessionStep } from '../../../shared/domain/organisations/succession';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import { AppError, conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { assertAgencyNameFree, duplicateName, isDuplicateNameViolation } from './name-uniqueness';
import {
  aliasesByOrganisation,
  findOrganisationByCode,
  findOrganisationRow,
  findOrganisationsByFoldedName,
  insertOrganisation,
  listOrganisationRows,
  normalizeValues,
  type OrganisationFilter,
  type OrganisationRow,
  type OrganisationValues,
  updateOrganisation,
} from './organisation-repository';
import { chainsOf, loadSuccession } from './succession-repository';

function toOrganisation(r: OrganisationRow, aliases: string[], chain: SuccessionStep[] = []): Organisation {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    parentId: r.parent_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successorId: r.successor_id,
    aliases,
    adminCode: r.admin_code,
    adminUnitType: r.admin_unit_type,
    source: r.source,
    chain,
  };
}

export async function listOrganisations(ctx: AppContext, f: OrganisationFilter): Promise<Organisation[]> {
  const rows = await listOrganisationRows(ctx.db, f);
  const [aliases, succession] = await Promise.all([
    aliasesByOrganisation(
      ctx.db,
      rows.map((r) => r.id),
    ),
    loadSuccession(ctx.db),
  ]);
  const chains = chainsOf(
    succession,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOrganisation(r, aliases.get(r.id) ?? [], chains.get(r.id)));
}

export async function getOrganisation(ctx: AppContext, id: number): Promise<Organisation> {
  const row = await findOrganisationRow(ctx.db, id);
  if (!row) throw notFound('cơ quan');
  const [aliases, succession] = await Promise.all([
    aliasesByOrganisation(ctx.db, [id]),
    loadSuccession(ctx.db),
  ]);
  return toOrganisation(row, aliases.get(id) ?? [], chainsOf(succession, [id]).get(id));
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
  const v: OrganisationValues = normalizeValues({
    code: input.code,
    name: input.name,
    shortName: input.shortName ?? null,
    kind: input.kind,
    parentId: input.parentId ?? null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    successorId: input.successorId ?? null,
    aliases: [...new Set(input.aliases ?? [])],
  });
  if (v.name === '') {
    throw new AppError('VALIDATION_FAILED', 'Dữ liệu không hợp lệ — Tên: Vui lòng nhập tên cơ quan', [
      { path: 'name', message: 'Vui lòng nhập tên cơ quan (tên chỉ có ký tự vô hình)' },
    ]);
  }
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

/**
 * Writes in one transaction after checking the name is free there; a concurrent save of the same
 * open-ended name that slips between check and write is stopped by the unique index and reported alike.
 */
async function writeChecked<T>(
  rc: RequestContext,
  values: OrganisationValues,
  selfId: number | null,
  write: (tx: RequestContext) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(rc, async (tx) => {
      await assertAgencyNameFree(tx.db, values, selfId);
      return write(tx);
    });
  } catch (err) {
    if (isDuplicateNameViolation(err)) {
      const same = await findOrganisationsByFoldedName(rc.db, values.name);
      const open = same.find((o) => o.id !== selfId && o.valid_to === null);
      throw duplicateName(open ?? { name: values.name, code: values.code });
    }
    throw err;
  }
}

export async function createOrganisation(
  rc: RequestContext,
  input: OrganisationWrite,
): Promise<Organisation> {
  const values = await validate(rc.app, input, null);
  const id = await writeChecked(rc, values, null, async (tx) => {
    const newId = await insertOrganisation(tx.db, values);
    await audit(tx, {
      action: 'organisation.created',
      entity: 'organisation',
      entityId: newId,
      detail: values,
    });
    return newId;
  });
  return getOrganisation(rc.app, id);
}

export async function editOrganisation(
  rc: RequestContext,
  id: number,
  input: OrganisationWrite,
): Promise<Organisation> {
  const before = await getOrganisation(rc.app, id);
  const values = await validate(rc.app, input, id);
  await writeChecked(rc, values, id, async (tx) => {
    await updateOrganisation(tx.db, id, values);
    await audit(tx, {
      action: 'organisation.updated',
      entity: 'organisation',
      entityId: id,
      detail: { before, after: values },
    });
  });
  return getOrganisation(rc.app, id);
}
