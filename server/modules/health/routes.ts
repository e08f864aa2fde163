import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { healthResponseSchema } from '../../../shared/contracts/health';
import type { AppContext } from '../../context';
import { migrationState } from '../../db/migrate';
import { APP_VERSION } from '../../version';
import { storageProblems } from './storage-check';

/**
 * GET /api/health: 200 when the database answers, its schema is current and the data folders take
 * writes; 503 with status "degraded" and the reasons otherwise, so a load balancer or a monitor can act
 * on the status code alone.
 */
export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Tình trạng hệ thống',
          response: { 200: healthResponseSchema, 503: healthResponseSchema },
        },
      },
      async (_req, reply) => {
        const problems: string[] = [];
        let reachable = true;
        let migrations = { applied: 0, pending: 0, latest: null as string | null };
        try {
          await sql`select 1`.execute(ctx.db);
          migrations = await migrationState(ctx.db);
        } catch {
          reachable = false;
          problems.push(
            ctx.dbKind === 'postgres'
              ? 'Không kết nối được máy chủ cơ sở dữ liệu PostgreSQL.'
              : `Không đọc được cơ sở dữ liệu SQLite trong thư mục "${ctx.config.dataDir}".`,
          );
        }
        if (reachable && migrations.pending > 0) {
          problems.push(`Cơ sở dữ liệu còn ${migrations.pending} migration chưa áp dụng.`);
        }
        problems.push(...storageProblems(ctx));
        const status = problems.length === 0 ? ('ok' as const) : ('degraded' as const);
        reply.status(status === 'ok' ? 200 : 503);
        return {
          status,
          version: APP_VERSION,
          database: { kind: ctx.dbKind, reachable, migrations },
          problems,
        };
      },
    );
  };
}
