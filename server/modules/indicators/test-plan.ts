import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type AppContext, systemContext } from '../../context';
import { SAMPLE_ORGANISATIONS } from '../../seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../../seed/seed-organisations';
import { confirmImport } from '../plan-import/confirm-import';
import { createImport } from '../plan-import/import-service';

const SAMPLE = readFileSync(
  path.join(import.meta.dirname, '../../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt'),
);

/** Test helper: the sample agencies and Plan 148 imported through the real importer. */
export async function importSamplePlan(ctx: AppContext): Promise<{ planId: number; sctId: number }> {
  await seedOrganisations(ctx, SAMPLE_ORGANISATIONS);
  const imp = await createImport(systemContext(ctx), { filename: 'ke-hoach-148.txt', bytes: SAMPLE });
  const planId = await confirmImport(systemContext(ctx), imp.id, { registerNewAgencies: false });
  const sct = await ctx.db
    .selectFrom('organisations')
    .select('id')
    .where('code', '=', 'SCT')
    .executeTakeFirstOrThrow();
  return { planId, sctId: sct.id };
}
