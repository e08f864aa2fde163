import type { preSerializationAsyncHookHandler } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { dashboardPlanResponseSchema, dashboardResponseSchema } from '../../shared/contracts/dashboard';
import { planListResponseSchema, taskListResponseSchema } from '../../shared/contracts/plans';
import { reportListResponseSchema, taskStatusesResponseSchema } from '../../shared/contracts/reporting';
import { describeEachDatabase } from '../test/describe-each-database';
import { findReport, openPeriod, reportInState } from '../test/factories';
import { startTestServer, type TestServer } from '../test/http-agent';
import { buildReportingWorld, THIS_YEAR } from '../test/reporting-world';
import { COMPILED_RESPONSES, compileStringify } from './serializer';

/**
 * The compiled serializer writes the same bytes Zod + JSON.stringify would, for every answer it
 * writes, on real answers of both databases: each route's payload is caught just before serialisation
 * and written again the Zod way.
 */
describeEachDatabase('compiled serializer of the large answers', (dialect) => {
  let s: TestServer;
  const payloads = new Map<string, unknown>();
  const capture: preSerializationAsyncHookHandler = async (req, _reply, payload) => {
    payloads.set(req.url, payload);
    return payload;
  };
  let urls: [string, z.ZodType][] = [];

  beforeAll(async () => {
    s = await startTestServer(dialect, {
      onRoute: (route) => {
        const own = route.preSerialization;
        route.preSerialization = [...(own ? [own].flat() : []), capture] as never;
      },
    });
    const w = await buildReportingWorld(s);
    const period = await openPeriod(w.as.coordinator, w.planId, { year: THIS_YEAR });
    // Reports in several states, so the lists and the dashboard carry every kind of field.
    await reportInState(
      w.as.stc,
      w.as.coordinator,
      await findReport(w.as.stc, period.id, w.orgs.stc.id),
      'accepted',
    );
    await reportInState(
      w.as.snn,
      w.as.coordinator,
      await findReport(w.as.snn, period.id, w.orgs.snn.id),
      'returned',
    );
    urls = [
      [`/api/plans/${w.planId}/tasks?pageSize=100`, taskListResponseSchema],
      ['/api/plans', planListResponseSchema],
      ['/api/reports?pageSize=100', reportListResponseSchema],
      [`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}`, taskStatusesResponseSchema],
      [`/api/dashboard?year=${THIS_YEAR}`, dashboardResponseSchema],
      [`/api/dashboard/plans/${w.planId}?year=${THIS_YEAR}`, dashboardPlanResponseSchema],
      [
        `/api/dashboard/plans/${w.planId}?year=${THIS_YEAR}&organisationId=${w.orgs.stc.id}`,
        dashboardPlanResponseSchema,
      ],
    ];
    for (const [url] of urls) {
      const res = await w.as.coordinator.get(url);
      expect(res.status, url).toBe(200);
    }
  });
  afterAll(() => s.close());

  it('covers every compiled answer', () => {
    expect(new Set(urls.map(([, schema]) => schema))).toEqual(COMPILED_RESPONSES);
  });

  it('writes what Zod + JSON.stringify write, byte for byte', () => {
    for (const [url, schema] of urls) {
      const payload = payloads.get(url);
      expect(payload, url).toBeDefined();
      expect(compileStringify(schema)(payload), url).toBe(JSON.stringify(z.encode(schema, payload as never)));
    }
  });
});

it('writes only what the schema declares: a column the contract does not name never leaves the server', () => {
  const schema = z.object({
    items: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        note: z.string().nullable(),
        latest: z.object({ year: z.number().int() }).nullable(),
      }),
    ),
  });
  const data = {
    items: [
      // An extra key inside a nullable object too, where the serializer has to choose between two shapes.
      {
        id: 1,
        name: 'Sở Tài chính',
        note: null,
        latest: { year: 2025, valueId: 7 },
        password_hash: 'scrypt$…',
      },
      { id: 2, name: 'Sở Y tế', note: 'ghi chú', latest: null, secret: { a: 1 } },
    ],
    total: 2,
  };
  const out = compileStringify(schema)(data);
  expect(JSON.parse(out)).toEqual({
    items: [
      { id: 1, name: 'Sở Tài chính', note: null, latest: { year: 2025 } },
      { id: 2, name: 'Sở Y tế', note: 'ghi chú', latest: null },
    ],
  });
  expect(out).toBe(JSON.stringify(z.encode(schema, data as never)));
});
