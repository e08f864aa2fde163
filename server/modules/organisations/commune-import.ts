import type { CommuneImportRequest, CommuneImportResult } from '../../../shared/contracts/organisations';
import {
  type AdminUnitRow,
  communeCommitteeCode,
  communeCommitteeName,
  countByType,
  parseAdminUnitCsv,
} from '../../../shared/domain/organisations/admin-units';
import { foldAgencyName } from '../../../shared/domain/organisations/agency-name';
import { type ActionContext, inTransaction } from '../../context';
import { AppError } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { assertAgencyNameFree } from './name-uniqueness';
import {
  aliasesByOrganisation,
  findOrganisationRow,
  insertOrganisation,
  type OrganisationRow,
  type OrganisationValues,
  updateOrganisation,
} from './organisation-repository';

/** A list's problems as one Vietnamese refusal, each with its line (at most 20 spelled out). */
function refusal(problems: { line: number | null; message: string }[]): AppError {
  const shown = problems
    .slice(0, 20)
    .map((p) => (p.line === null ? p.message : `dòng ${p.line}: ${p.message}`));
  const more = problems.length > shown.length ? ` (và ${problems.length - shown.length} lỗi khác)` : '';
  return new AppError(
    'VALIDATION_FAILED',
    `Danh sách đơn vị hành chính có lỗi, chưa nạp đơn vị nào — ${shown.join('; ')}${more}.`,
  );
}

function valuesOf(
  u: AdminUnitRow,
  input: Pick<CommuneImportRequest, 'validFrom' | 'source'>,
  parentId: number | null,
  keptAliases: readonly string[],
): OrganisationValues {
  const name = communeCommitteeName(u.name, u.type);
  const longName = `Ủy ban nhân dân ${name.slice('UBND '.length)}`;
  return {
    code: communeCommitteeCode(u.code),
    name,
    shortName: null,
    kind: 'ubnd_xa',
    parentId,
    validFrom: input.validFrom,
    validTo: null,
    successorId: null,
    aliases: [...new Set([u.name, longName, ...keptAliases])],
    adminCode: u.code,
    adminUnitType: u.type,
    source: input.source,
  };
}

const sameRecord = (row: OrganisationRow, v: OrganisationValues, aliases: readonly string[]) =>
  row.name === v.name &&
  row.kind === v.kind &&
  row.parent_id === v.parentId &&
  row.valid_from === v.validFrom &&
  row.admin_unit_type === v.adminUnitType &&
  row.source === v.source &&
  v.aliases.length === aliases.length &&
  v.aliases.every((a) => aliases.includes(a));

/**
 * Loads a province's list of commune-level units into the registry as committees of kind 'ubnd_xa'
 * (so "UBND các xã, phường" resolves to them from `validFrom`), each with its national code, its type
 * and the document it comes from. Units already loaded (same national code) are updated, never
 * doubled; aliases an officer added are kept. All or nothing: a list with any problem loads nothing.
 */
export async function loadCommunes(
  rc: ActionContext,
  input: CommuneImportRequest,
): Promise<CommuneImportResult> {
  const { units, problems } = parseAdminUnitCsv(input.csv);
  if (problems.length > 0) throw refusal(problems);
  const parentId = input.parentId ?? null;
  if (parentId !== null && !(await findOrganisationRow(rc.db, parentId)))
    throw new AppError('VALIDATION_FAILED', 'Cơ quan cấp trên của các đơn vị không tồn tại.', [
      { path: 'parentId', message: 'Không tồn tại' },
    ]);
  const byType = countByType(units.map((u) => u.type));
  const run = async (tx: ActionContext) => {
    const existing = await tx.db
      .selectFrom('organisations')
      .selectAll()
      .where(
        'admin_code',
        'in',
        units.map((u) => u.code),
      )
      .execute();
    const byCode = new Map(existing.map((r) => [r.admin_code!, r]));
    const aliases = await aliasesByOrganisation(
      tx.db,
      existing.map((r) => r.id),
    );
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const clashes: { line: number | null; message: string }[] = [];
    const seenNames = new Map<string, number>();
    for (const u of units) {
      const row = byCode.get(u.code);
      const kept = row ? (aliases.get(row.id) ?? []) : [];
      const values = valuesOf(u, input, parentId, kept);
      const folded = foldAgencyName(values.name);
      const earlier = seenNames.get(folded);
      if (earlier !== undefined) {
        clashes.push({ line: u.line, message: `${values.name} trùng tên với đơn vị ở dòng ${earlier}` });
        continue;
      }
      seenNames.set(folded, u.line);
      try {
        await assertAgencyNameFree(tx.db, values, row?.id ?? null);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        clashes.push({ line: u.line, message: err.message });
        continue;
      }
      if (row === undefined) {
        await insertOrganisation(tx.db, values);
        added++;
      } else if (sameRecord(row, values, kept)) unchanged++;
      else {
        await updateOrganisation(tx.db, row.id, {
          ...values,
          shortName: row.short_name,
          validTo: row.valid_to,
          successorId: row.successor_id,
        });
        updated++;
      }
    }
    if (clashes.length > 0) throw refusal(clashes);
    return { added, updated, unchanged };
  };
  if (input.dryRun) {
    // Counted without writing: units already present are found by their national code.
    const known = await rc.db
      .selectFrom('organisations')
      .select('admin_code')
      .where(
        'admin_code',
        'in',
        units.map((u) => u.code),
      )
      .execute();
    return {
      dryRun: true,
      added: units.length - known.length,
      updated: 0,
      unchanged: known.length,
      byType,
    };
  }
  const counts = await inTransaction(rc, async (tx) => {
    const c = await run(tx);
    await audit(tx, {
      action: 'organisation.communes_loaded',
      entity: 'organisation',
      entityId: parentId,
      detail: { ...c, byType, validFrom: input.validFrom, source: input.source },
    });
    return c;
  });
  return { dryRun: false, ...counts, byType };
}
