import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fastifyTrustProxy } from './config';
import type { AppContext } from './context';
import { access } from './http/access';
import { registerAuthentication } from './http/authenticate';
import { registerErrorHandling } from './http/error-handler';
import { registerInputGuard } from './http/input-guard';
import { registerObservability } from './http/observability';
import { registerSecurityHeaders } from './http/security-headers';
import { serializerCompiler } from './http/serializer';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { startSessionSweep } from './modules/auth/session-sweep';
import { calendarRoutes } from './modules/calendar/routes';
import { dashboardRoutes } from './modules/dashboard/routes';
import { documentRoutes } from './modules/documents/routes';
import { exportRoutes } from './modules/exports/routes';
import { healthRoutes } from './modules/health/routes';
import { indicatorRoutes } from './modules/indicators/routes';
import { organisationRoutes } from './modules/organisations/routes';
import { handMadePlanRoutes } from './modules/plan-import/hand-made-routes';
import { planImportRoutes } from './modules/plan-import/routes';
import { amendmentRoutes } from './modules/plans/amendment-routes';
import { revisionRoutes } from './modules/plans/revision-routes';
import { planRoutes } from './modules/plans/routes';
import { publicationRoutes } from './modules/publication/routes';
import { reorganisationRoutes } from './modules/reorganisations/routes';
import { startReminderScheduler } from './modules/reporting/reminder-scheduler';
import { reportingRoutes } from './modules/reporting/routes';
import { startTaskStatusRoll } from './modules/reporting/task-status-roll';
import { searchRoutes } from './modules/search/routes';
import { taskRequestRoutes } from './modules/task-requests/routes';
import { userRoutes } from './modules/users/routes';
import { APP_VERSION } from './version';

// Zod's own messages (used where a schema gives none) in Vietnamese.
z.config(z.locales.vi());

export interface BuildOptions {
  logger?: boolean;
  /**
   * Run the reminder job (server/modules/reporting/reminder-scheduler.ts) with the app. Default: on when
   * REMINDER_INTERVAL_MINUTES > 0, except under a test runner (NODE_ENV=test / VITEST), where a test
   * that wants it passes true.
   */
  reminders?: boolean;
  /**
   * Delete expired sessions every hour (server/modules/auth/session-sweep.ts). Default: on, except
   * under a test runner.
   */
  sessionSweep?: boolean;
  /**
   * Roll the stored task statuses when the date changes (server/modules/reporting/task-status-roll.ts).
   * Default: on, except under a test runner.
   */
  taskStatusRoll?: boolean;
  /** Delay before the background jobs' first run (default 5 s after start-up). */
  jobsFirstDelayMs?: number;
  /** Where the JSON log lines go (default: standard output); tests read them. */
  logStream?: { write(line: string): void };
  /** Called for every route as it is registered (the authorisation matrix test lists them this way). */
  onRoute?: (route: RouteOptions) => void;
}

/** The whole HTTP application: plugins, API modules under /api, and the built web client. */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : { level: ctx.config.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    genReqId: () => randomUUID(),
    // Log lines name the request id as error answers do (`requestId`), so one search finds both.
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: fastifyTrustProxy(ctx.config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await registerSecurityHeaders(app, ctx.config);
  await registerObservability(app, ctx);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'planwatch API', description: 'API theo dõi thực hiện kế hoạch', version: APP_VERSION },
    },
    transform: jsonSchemaTransform,
  });
  const dist = ctx.config.webDistDir;
  const hasClient = existsSync(path.join(dist, 'index.html'));
  registerErrorHandling(app, { spaIndex: hasClient, faults: ctx.faults });
  ctx.faults.setLogger(app.log);
  registerAuthentication(app, ctx);
  const onRoute = opts.onRoute;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  registerInputGuard(app);

  await app.register(
    async (api) => {
      api.get('/openapi.json', { config: access('public'), schema: { hide: true } }, async () =>
        app.swagger(),
      );
      await api.register(healthRoutes(ctx));
      await api.register(authRoutes(ctx));
      await api.register(userRoutes(ctx));
      await api.register(organisationRoutes(ctx));
      await api.register(reorganisationRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(planImportRoutes(ctx));
      await api.register(handMadePlanRoutes(ctx));
      await api.register(planRoutes(ctx));
      await api.register(revisionRoutes(ctx));
      await api.register(amendmentRoutes(ctx));
      await api.register(taskRequestRoutes(ctx));
      await api.register(indicatorRoutes(ctx));
      await api.register(reportingRoutes(ctx));
      await api.register(dashboardRoutes(ctx));
      await api.register(searchRoutes(ctx));
      await api.register(calendarRoutes(ctx));
      await api.register(documentRoutes(ctx));
      await api.register(publicationRoutes(ctx));
      await api.register(exportRoutes(ctx));
    },
    { prefix: '/api' },
  );

  // Background jobs start when the app is ready and stop first on close: a send in progress is cut
  // and its e-mail put back in the queue, so closing never waits for a slow mail server.
  const underTest = process.env.NODE_ENV === 'test' || Boolean(process.env.VITEST);
  const jobOpts = opts.jobsFirstDelayMs === undefined ? {} : { firstDelayMs: opts.jobsFirstDelayMs };
  const jobs: (() => () => Promise<void>)[] = [];
  if (opts.reminders ?? (ctx.config.reminderIntervalMinutes > 0 && !underTest))
    jobs.push(() => startReminderScheduler(ctx, app.log, jobOpts));
  if (opts.sessionSweep ?? !underTest) jobs.push(() => startSessionSweep(ctx, app.log, jobOpts));
  if (opts.taskStatusRoll ?? !underTest) jobs.push(() => startTaskStatusRoll(ctx, app.log, jobOpts));
  if (jobs.length > 0) {
    let stops: (() => Promise<void>)[] = [];
    app.addHook('onReady', async () => {
      stops = jobs.map((start) => start());
    });
    app.addHook('onClose', async () => {
      await Promise.all(stops.map((stop) => stop()));
    });
  }

  registerWebClient(app, dist, hasClient);
  return app;
}

/**
 * Serves the built React client. Files are looked up on every request (not listed at start-up), so a
 * client rebuilt while the server runs is served without a restart; other paths fall back to
 * index.html in the not-found handler.
 */
function registerWebClient(app: FastifyInstance, dist: string, hasClient: boolean): void {
  if (!hasClient) {
    // Not part of the API: kept out of the OpenAPI document, which must not depend on whether the
    // client happens to be built (the committed client types are generated from it).
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>planwatch</title><p>Giao diện web chưa được dựng. Chạy <code>npm run build:web</code> rồi khởi động lại.</p>',
        ),
    );
    return;
  }
  app.register(fastifyStatic, { root: dist });
}
