import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { healthResponseSchema } from '../../../shared/contracts/health';
import type { AppContext } from '../../context';
import { migrationState } from '../../db/migrate';
import { access } from '../../http/access';
import { APP_VERSION } from '../../version';

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: access('public'),
        schema: { tags: ['system'], summary: 'Tình trạng hệ thống', response: { 200: healthResponseSchema } },
      },
      async () => {
        let reachable = true;
        let migrations = { applied: 0, pending: 0, latest: null as string | null };
        try {
          await sql`select 1`.execute(ctx.db);
          migrations = await migrationState(ctx.db);
        } catch {
          reachable = false;
        }
        return {
          status: reachable && migrations.pending === 0 ? ('ok' as const) : ('degraded' as const),
          version: APP_VERSION,
          database: { kind: ctx.dbKind, reachable, migrations },
        };
      },
    );
  };
}
