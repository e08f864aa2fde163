import type { AppContext } from '../context';
import {
  findOrganisationByCode,
  insertOrganisation,
  updateOrganisation,
} from '../modules/organisations/organisation-repository';
import type { SampleOrganisation } from './sample/hung-yen-organisations';

/** Inserts missing agencies by code (existing ones are left as the users edited them). */
export async function seedOrganisations(ctx: AppContext, list: SampleOrganisation[]): Promise<number> {
  let added = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    for (const o of list) {
      const existing = await findOrganisationByCode(trx, o.code);
      if (existing) {
        ids.set(o.code, existing.id);
        continue;
      }
      const values = {
        code: o.code,
        name: o.name,
        shortName: o.shortName ?? null,
        kind: o.kind,
        parentId: null,
        validFrom: o.validFrom ?? null,
        validTo: o.validTo ?? null,
        successorId: null,
        aliases: o.aliases ?? [],
      };
      ids.set(o.code, await insertOrganisation(trx, values));
      added++;
    }
    // Successors point forward in the list, so they are linked once every agency has an id.
    for (const o of list) {
      if (!o.successor) continue;
      const id = ids.get(o.code)!;
      const row = await findOrganisationByCode(trx, o.code);
      if (!row || row.successor_id !== null) continue;
      await updateOrganisation(trx, id, {
        code: row.code,
        name: row.name,
        shortName: row.short_name,
        kind: row.kind,
        parentId: row.parent_id,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        successorId: ids.get(o.successor) ?? null,
        aliases: o.aliases ?? [],
      });
    }
  });
  return added;
}
