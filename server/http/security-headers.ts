import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

/**
 * Security headers on every answer (API, static files, errors, 404s), set by @fastify/helmet in an
 * onRequest hook — so it must be registered before the authentication hook, whose refusals would
 * otherwise go out without them.
 *
 * The policy fits the built client: Vite emits only external scripts ('self'); Ant Design writes its
 * CSS-in-JS into <style> elements and ECharts sets inline styles, hence style-src 'unsafe-inline'
 * (scripts stay strict, which is what stops injected code); charts export as data:/blob: images.
 * HTTPS-only headers (HSTS, upgrade-insecure-requests) are sent only when COOKIE_SECURE=true says the
 * site is served over HTTPS: over plain HTTP they would break every later visit.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.cookieSecure;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // API answers are per user and often personal: never kept by the browser or a proxy.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
