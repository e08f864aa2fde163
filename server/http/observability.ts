import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { registerMetrics } from './metrics';

/**
 * Request ids and metrics. Every log line of a request carries its `requestId` (Fastify's pino
 * logger, JSON); the same id is sent back in `x-request-id` and in 500 answers, so a user's report
 * leads straight to the log lines.
 */
export async function registerObservability(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await registerMetrics(app, ctx);
}
