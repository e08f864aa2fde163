import { type Kysely, sql } from 'kysely';

// Part of the frozen migration set: never import application code from here. The fold below is a
// copy of shared/domain/organisations/agency-name.ts foldAgencyName as of this migration.

const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

function fold(name: string): string {
  return name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * Agency names become unique on their folded form (case, diacritics, invisible characters and spacing
 * ignored) among agencies without an end date; the service also refuses two agencies with the same
 * folded name whose validity periods overlap. Existing rows are backfilled. Should two open-ended
 * agencies already share a folded name, the later ones get a suffixed key ("…#<id>") so the index can
 * be built; saving such an agency again then asks for a distinct name or an end date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('name_folded', 'text').execute();

  const rows = await sql<{ id: number; name: string; valid_to: string | null }>`
    select id, name, valid_to from organisations order by id`.execute(db);
  const openNames = new Set<string>();
  for (const row of rows.rows) {
    let key = fold(row.name);
    if (row.valid_to === null) {
      if (openNames.has(key)) key = `${key}#${row.id}`;
      openNames.add(key);
    }
    await sql`update organisations set name_folded = ${key} where id = ${row.id}`.execute(db);
  }

  await db.schema
    .createIndex('organisations_open_name_folded_uq')
    .on('organisations')
    .column('name_folded')
    .unique()
    .where(sql.ref('valid_to'), 'is', null)
    .execute();
  await db.schema
    .createIndex('organisations_name_folded_idx')
    .on('organisations')
    .column('name_folded')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('organisations_name_folded_idx').execute();
  await db.schema.dropIndex('organisations_open_name_folded_uq').execute();
  await db.schema.alterTable('organisations').dropColumn('name_folded').execute();
}
