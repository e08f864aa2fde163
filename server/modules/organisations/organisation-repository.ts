import type { Kysely } from 'kysely';
import { foldAgencyName, normalizeAgencyName } from '../../../shared/domain/organisations/agency-name';
import { searchKey } from '../../../shared/domain/text/normalize';
import { nowIso } from '../../context';
import type { Database, OrganisationsTable } from '../../db/schema';
import { containsPattern } from '../../db/search';

export type OrganisationRow = Omit<OrganisationsTable, 'id'> & { id: number };

export interface OrganisationFilter {
  q?: string | undefined;
  kind?: OrganisationsTable['kind'] | undefined;
  adminUnitType?: NonNullable<OrganisationsTable['admin_unit_type']> | undefined;
  on?: string | undefined;
}

export async function findOrganisationRow(
  db: Kysely<Database>,
  id: number,
): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('organisations').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Agencies whose name folds to the same key (any validity), for the uniqueness check. */
export async function findOrganisationsByFoldedName(
  db: Kysely<Database>,
  name: string,
): Promise<OrganisationRow[]> {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('name_folded', '=', foldAgencyName(name))
    .orderBy('id')
    .execute();
}

export async function listOrganisationRows(
  db: Kysely<Database>,
  f: OrganisationFilter,
): Promise<OrganisationRow[]> {
  let q = db.selectFrom('organisations').selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.adminUnitType) q = q.where('admin_unit_type', '=', f.adminUnitType);
  if (f.q) q = q.where('search_key', 'like', containsPattern(f.q));
  if (f.on) {
    const on = f.on;
    q = q
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', on)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', on)]));
  }
  return q.orderBy('kind').orderBy('name').execute();
}

/** Aliases of many organisations in one query, grouped by organisation. */
export async function aliasesByOrganisation(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('organisation_aliases')
    .select(['organisation_id', 'alias'])
    .where('organisation_id', 'in', ids)
    .orderBy('id')
    .execute();
  for (const r of rows) map.set(r.organisation_id, [...(map.get(r.organisation_id) ?? []), r.alias]);
  return map;
}

export interface OrganisationValues {
  code: string;
  name: string;
  shortName: string | null;
  kind: OrganisationsTable['kind'];
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  successorId: number | null;
  aliases: string[];
  /** Administrative unit fields (commune lists); left as stored when absent. */
  adminCode?: string | null;
  adminUnitType?: OrganisationsTable['admin_unit_type'];
  source?: string | null;
}

/**
 * Names are stored normalised (NFC, no invisible or bidi characters, single spaces) whoever writes them:
 * the service, the plan import, the seed. name_folded is what uniqueness is checked on.
 */
export function normalizeValues(v: OrganisationValues): OrganisationValues {
  const shortName = v.shortName === null ? null : normalizeAgencyName(v.shortName) || null;
  const aliases = [...new Set(v.aliases.map(normalizeAgencyName).filter((a) => a !== ''))];
  return { ...v, name: normalizeAgencyName(v.name), shortName, aliases };
}

function columns(raw: OrganisationValues) {
  const v = normalizeValues(raw);
  return {
    code: v.code,
    name: v.name,
    name_folded: foldAgencyName(v.name),
    short_name: v.shortName,
    kind: v.kind,
    parent_id: v.parentId,
    valid_from: v.validFrom,
    valid_to: v.validTo,
    successor_id: v.successorId,
    search_key: searchKey([v.code, v.name, v.shortName ?? '', ...v.aliases].join(' ')),
    ...(v.adminCode !== undefined ? { admin_code: v.adminCode } : {}),
    ...(v.adminUnitType !== undefined ? { admin_unit_type: v.adminUnitType } : {}),
    ...(v.source !== undefined ? { source: v.source } : {}),
  };
}

async function replaceAliases(db: Kysely<Database>, id: number, raw: string[]): Promise<void> {
  const aliases = [...new Set(raw.map(normalizeAgencyName).filter((a) => a !== ''))];
  await db.deleteFrom('organisation_aliases').where('organisation_id', '=', id).execute();
  if (aliases.length > 0) {
    await db
      .insertInto('organisation_aliases')
      .values(aliases.map((alias) => ({ organisation_id: id, alias })))
      .execute();
  }
}

export async function insertOrganisation(db: Kysely<Database>, v: OrganisationValues): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('organisations')
    .values({ ...columns(v), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceAliases(db, row.id, v.aliases);
  return row.id;
}

export async function updateOrganisation(
  db: Kysely<Database>,
  id: number,
  v: OrganisationValues,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ ...columns(v), updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await replaceAliases(db, id, v.aliases);
}
