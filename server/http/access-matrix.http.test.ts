import type { InjectOptions, RouteOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { can } from '../../shared/domain/auth/permissions';
import { mayEditConsolidated, mayReadConsolidated } from '../modules/documents/narrative/consolidated-policy';
import { mayEnterValues } from '../modules/indicators/indicator-policy';
import { mayPublishPlan } from '../modules/publication/publication-policy';
import { assertCanEdit, canReadReport } from '../modules/reporting/report-policy';
import { mayFileTaskRequest } from '../modules/task-requests/task-request-policy';
import { FRESH_CALLER, paramValue, SAMPLE_BODIES, type SampleBody } from '../test/access-matrix-requests';
import { buildWorld, MATRIX_ROLES, type Target, type World } from '../test/access-matrix-world';
import { describeEachDatabase } from '../test/describe-each-database';
import { startTestServer, type TestServer } from '../test/http-agent';
import type { AccessRule } from './access';
import { AppError } from './errors';

/**
 * The authorisation matrix: every route registered under /api × every role (and anonymous) × a record
 * of the reporter's own agency and of another agency, where the route's rule depends on it. Expectations
 * come from the rule each route declares (`config: access(…)`, server/http/access.ts), judged with the
 * role table (shared/domain/auth/permissions.ts) and the record rules (report-access.ts,
 * indicator-service.ts `mayEnterValues`); the answer must match: allowed → neither 401 nor 403 (nor a
 * 5xx), refused → 401 without a session, 403 for the role or the record, 404 where existence is hidden.
 */

type Caller = (typeof MATRIX_ROLES)[number] | 'anonymous';
type Expectation = 'allowed' | 401 | 403 | 404;

interface Registered {
  method: string;
  url: string;
  rule: AccessRule | undefined;
  hasBody: boolean;
  multipart: boolean;
}

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

function expectation(w: World, rule: AccessRule, caller: Caller, target: Target): Expectation {
  if (rule.allow === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (rule.allow !== 'signed-in' && !can(caller, rule.allow)) return 403;
  const user = w.authUserOf(caller);
  const organisation_id = w.orgOf[target];
  switch (rule.scope) {
    case 'none':
      return 'allowed';
    case 'own-user':
      return target === 'own' ? 'allowed' : 404;
    case 'report-read':
      // The other agency's report stays a draft: only its own reporter could move it, and he never calls.
      return canReadReport(user, { organisation_id, state: 'draft' }) ? 'allowed' : 403;
    case 'report-edit':
      try {
        assertCanEdit(user, { organisation_id, state: 'draft' }, 'open');
        return 'allowed';
      } catch (e) {
        if (e instanceof AppError && e.code === 'FORBIDDEN') return 403;
        throw e;
      }
    case 'indicator-owner':
      return mayEnterValues(user, { owner_org_id: organisation_id }) ? 'allowed' : 403;
    case 'consolidated-read':
      return mayReadConsolidated(user) ? 'allowed' : 403;
    case 'consolidated-edit':
      // The world's plan is consolidated by the coordinator's own agency (other agencies: narrative.http.test.ts).
      return mayEditConsolidated(user, { consolidator_org_id: w.f.orgs.sct.id }) ? 'allowed' : 403;
    case 'plan-consolidator':
      // `own`: the world's plan, consolidated by the coordinator's agency; `other`: one consolidated elsewhere.
      return mayPublishPlan(user, { consolidator_org_id: w.consolidatorOf[target] }) ? 'allowed' : 403;
    case 'task-lead':
      // `own`: a task the reporter's agency leads; `other`: one another agency leads.
      return mayFileTaskRequest(user, new Set([organisation_id])) ? 'allowed' : 403;
  }
}

function multipartBody(file: { filename: string; bytes: Uint8Array }) {
  const boundary = '----planwatchmatrix';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, Buffer.from(file.bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describeEachDatabase('authorisation matrix', (dialect) => {
  let s: TestServer;
  let w: World;
  const routes: Registered[] = [];

  beforeAll(async () => {
    s = await startTestServer(dialect, {
      onRoute: (r: RouteOptions) => {
        const methods = Array.isArray(r.method) ? r.method : [r.method];
        for (const method of methods) {
          if (method === 'HEAD' || !r.url.startsWith('/api/')) continue;
          routes.push({
            method,
            url: r.url,
            rule: r.config?.access,
            hasBody: Boolean(r.schema?.body),
            multipart: Boolean(
              (r.schema as { consumes?: string[] } | undefined)?.consumes?.includes('multipart/form-data'),
            ),
          });
        }
      },
    });
    w = await buildWorld(s);
  });
  afterAll(async () => s?.close());

  it('lists the real route table', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.map(key)).toContain('PATCH /api/reports/:id');
  });

  it('has an access rule declared on every /api route', () => {
    const missing = routes.filter((r) => !r.rule).map(key);
    expect(missing, 'routes without config: access(…) — declare who may call them').toEqual([]);
  });

  it('has a sample body for every route that takes one, and none for routes that do not exist', () => {
    const registered = new Set(routes.map(key));
    const needBody = routes.filter((r) => r.hasBody || r.multipart).map(key);
    expect(needBody.filter((k) => !(k in SAMPLE_BODIES))).toEqual([]);
    expect(Object.keys(SAMPLE_BODIES).filter((k) => !registered.has(k))).toEqual([]);
  });

  it('answers every route × role × agency as its rule says', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const route of routes) {
      const rule = route.rule;
      if (!rule) continue;
      const targets: Target[] =
        rule.scope === 'none' || rule.scope.startsWith('consolidated-') ? ['own'] : ['own', 'other'];
      for (const caller of [...MATRIX_ROLES, 'anonymous'] as const) {
        for (const target of targets) {
          cases++;
          const expected = expectation(w, rule, caller, target);
          const status = await send(route, caller, target);
          const ok =
            expected === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === expected;
          if (!ok)
            failures.push(
              `${key(route)} as ${caller} on ${target} record: expected ${expected}, got ${status}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(routes.length * 5);
    // Several thousand requests, documents generated among them: minutes under a loaded CI machine.
  }, 300_000);

  async function send(route: Registered, caller: Caller, target: Target): Promise<number> {
    const k = key(route);
    let callerId = 0;
    const headers: Record<string, string> = {};
    if (caller !== 'anonymous') {
      callerId = FRESH_CALLER.has(k) ? (await w.freshUser(caller)).id : w.callers[caller].id;
      const session = await w.sessionFor(callerId);
      headers.cookie = session.cookie;
      headers[w.csrfHeader] = session.csrf;
    }
    const url = route.url.replace(/:(\w+)/g, (_m, p: string) =>
      paramValue(w, route.url, p, target, callerId),
    );
    const body: SampleBody = SAMPLE_BODIES[k]?.(w) ?? { none: true };
    const opts: InjectOptions = { method: route.method as InjectOptions['method'], url, headers };
    if ('json' in body) opts.payload = body.json as object;
    else if ('upload' in body) {
      const m = multipartBody(body.upload);
      opts.payload = m.payload;
      headers['content-type'] = m.contentType;
    } else if (route.method !== 'GET') opts.payload = {};
    const res = await s.app.inject(opts);
    return res.statusCode;
  }
});
