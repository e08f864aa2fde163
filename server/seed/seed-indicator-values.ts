import { type AppContext, systemContext } from '../context';
import { recordAudit } from '../modules/audit/audit-repository';
import { createPlanIndicators } from '../modules/indicators/create-plan-indicators';
import { insertValues } from '../modules/indicators/indicator-repository';
import { subjectKey } from '../modules/indicators/indicators-from-targets';
import { isSampleSource } from '../modules/indicators/value-rules';
import { findOrganisationByCode } from '../modules/organisations/organisation-repository';
import type { SampleIndicator } from './sample/hung-yen-148-indicators';

/**
 * Gives a plan's indicators their sample definitions, owners and values, once: an indicator that
 * already has values, or a definition, is left as it is. Plans confirmed before indicators existed
 * get their indicators first.
 */
export async function seedIndicatorValues(
  ctx: AppContext,
  planId: number,
  samples: readonly SampleIndicator[],
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await createPlanIndicators({ ...systemContext(ctx), db: trx }, planId);
    const indicators = await trx
      .selectFrom('indicators')
      .select(['id', 'name', 'definition'])
      .where('plan_id', '=', planId)
      .execute();
    for (const sample of samples) {
      const indicator = indicators.find((i) => subjectKey(i.name) === subjectKey(sample.name));
      if (!indicator || indicator.definition !== null) continue;
      const owner = sample.ownerCode ? await findOrganisationByCode(trx, sample.ownerCode) : undefined;
      await trx
        .updateTable('indicators')
        .set({ definition: sample.definition, ...(owner ? { owner_org_id: owner.id } : {}) })
        .where('id', '=', indicator.id)
        .execute();
      await insertValues(
        trx,
        sample.values.map((v) => ({
          indicatorId: indicator.id,
          year: v.year,
          value: v.value,
          status: v.status,
          source: v.source,
          sourceUrl: null,
          note: v.note ?? null,
          isSample: isSampleSource(v.source),
          enteredBy: null,
          reviewState: 'accepted',
        })),
      );
      await recordAudit(trx, {
        actorId: null,
        action: 'indicator_values.sample_loaded',
        entity: 'indicator',
        entityId: indicator.id,
        detail: { values: sample.values.length },
      });
    }
  });
}
