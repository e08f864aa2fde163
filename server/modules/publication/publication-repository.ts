import type { Db } from '../../db/db';

/** The plan's head and publication flag, with the consolidating agency's and the publisher's names. */
export function findPublicationRow(db: Db, planId: number) {
  return db
    .selectFrom('plans as p')
    .leftJoin('organisations as o', 'o.id', 'p.consolidator_org_id')
    .leftJoin('users as u', 'u.id', 'p.published_by')
    .select([
      'p.id',
      'p.kind',
      'p.number',
      'p.title',
      'p.issuer',
      'p.place',
      'p.issued_on',
      'p.consolidator_org_id',
      'p.published',
      'p.published_at',
      'o.name as consolidator_name',
      'u.full_name as published_by_name',
    ])
    .where('p.id', '=', planId)
    .executeTakeFirst();
}

export type PublicationRow = NonNullable<Awaited<ReturnType<typeof findPublicationRow>>>;

export async function setPublished(
  db: Db,
  planId: number,
  published: { at: string; by: number } | null,
): Promise<void> {
  await db
    .updateTable('plans')
    .set(
      published
        ? { published: 1, published_at: published.at, published_by: published.by }
        : { published: 0, published_at: null, published_by: null },
    )
    .where('id', '=', planId)
    .execute();
}
