import { loadConfig } from '../../config';
import { systemRequestContext } from '../../context';
import { openPeriod } from '../../modules/reporting/period-service';
import { openContext } from '../../runtime';

/**
 * Opens the mid-term and final periods of the demo plan as its coordinator (congthuong) would on the
 * periods page, through the product's own service, in the demo's data folder: the years come from the
 * plan's reporting regime.
 */
export async function openDemoReviewPeriods(dataDir: string) {
  const ctx = await openContext(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    const u = await ctx.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select([
        'users.id',
        'users.username',
        'users.full_name',
        'users.role',
        'users.organisation_id',
        'organisations.name',
      ])
      .where('users.username', '=', 'congthuong')
      .executeTakeFirstOrThrow();
    const actor = {
      id: u.id,
      username: u.username,
      fullName: u.full_name,
      role: u.role,
      organisationId: u.organisation_id,
      organisationName: u.name,
      mustChangePassword: false,
    };
    const plan = await ctx.db
      .selectFrom('plans')
      .select('id')
      .where('number', '=', '148/KH-UBND')
      .executeTakeFirstOrThrow();
    for (const kind of ['mid_term', 'final'] as const)
      await openPeriod(systemRequestContext(ctx, actor, 'test'), plan.id, { kind });
  } finally {
    await ctx.db.destroy();
  }
}
