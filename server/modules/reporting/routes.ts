import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { agendaRoutes } from './agenda-routes';
import { directiveRoutes } from './directive-routes';
import { notificationRoutes } from './notification-routes';
import { periodRoutes } from './period-routes';
import { reportRoutes } from './report-routes';
import { signedScanRoutes } from './signed-scan-routes';
import { taskReportingRoutes } from './task-routes';

/** The reporting cycle's API: periods, reports and their workflow, statuses and rates, directives, notifications. */
export function reportingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(periodRoutes(ctx));
    await app.register(reportRoutes(ctx));
    await app.register(signedScanRoutes(ctx));
    await app.register(taskReportingRoutes(ctx));
    await app.register(directiveRoutes(ctx));
    await app.register(notificationRoutes(ctx));
    await app.register(agendaRoutes(ctx));
  };
}
