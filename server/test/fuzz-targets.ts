/**
 * What the fuzz run does with each input (scripts/reliability/fuzz.ts and its CI subset): the readers
 * directly (they must answer, never throw), and every upload endpoint through the full HTTP stack (it
 * must answer 2xx or 4xx, never 5xx).
 */
import type { FastifyInstance } from 'fastify';
import { readPlanUpload } from '../../shared/domain/plan-import/read-upload';
import { localDate } from '../../shared/domain/reporting/local-date';
import type { AppContext } from '../context';
import { systemRequestContext } from '../context';
import type { AuthUser } from '../http/auth-state';
import { importSamplePlan } from '../modules/indicators/test-plan';
import { readValuesWorkbook } from '../modules/indicators/xlsx-read';
import { openPeriod } from '../modules/reporting/period-service';
import { buildUser, TEST_PASSWORD } from './factories';
import { type FuzzInput, SAMPLE_INDICATOR_CODE } from './fuzz-inputs';

/** Runs a reader on the input; resolves with a short outcome, rejects if the reader throws. */
export async function readDirectly(input: FuzzInput): Promise<string> {
  if (input.kind === 'values-xlsx') {
    const r = await readValuesWorkbook(input.bytes);
    return r.ok ? 'read' : 'refused';
  }
  if (input.kind === 'attachment') return 'skipped';
  const r = await readPlanUpload(input.filename, input.bytes);
  if (!r.ok && r.error.code === 'internal') throw new Error(`internal parser error: ${r.error.message}`);
  return r.ok ? 'read' : 'refused';
}

export interface UploadWorld {
  send(input: FuzzInput): Promise<number>;
}

/**
 * The sample plan with its indicators, an open period, a coordinator and a reporter whose agency has
 * a report; `send` posts an input to the upload endpoint of its kind and returns the status.
 */
export async function uploadWorld(ctx: AppContext, app: FastifyInstance): Promise<UploadWorld> {
  const { planId, sctId } = await importSamplePlan(ctx);
  // The fuzzed workbooks carry the code of sampleValuesWorkbook(); give it to one of the plan's indicators
  // so unbroken rows reach the writing path.
  const first = await ctx.db
    .selectFrom('indicators')
    .select('id')
    .where('plan_id', '=', planId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('indicators')
    .set({ code: SAMPLE_INDICATOR_CODE })
    .where('id', '=', first.id)
    .execute();
  const coordinator = await buildUser(ctx, { role: 'coordinator', organisationId: sctId });
  const actor: AuthUser = {
    id: coordinator.id,
    username: coordinator.username,
    fullName: coordinator.username,
    role: 'coordinator',
    organisationId: sctId,
    organisationName: '',
    mustChangePassword: false,
  };
  const year = Number(localDate(new Date()).slice(0, 4));
  const { period } = await openPeriod(systemRequestContext(ctx, actor, 'fuzz'), planId, {
    kind: 'annual',
    year,
  });
  const report = await ctx.db
    .selectFrom('reports')
    .select(['id', 'organisation_id'])
    .where('period_id', '=', period.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const reporter = await buildUser(ctx, { role: 'reporter', organisationId: report.organisation_id });
  const sessions = {
    coordinator: await login(app, coordinator.username),
    reporter: await login(app, reporter.username),
  };
  return {
    async send(input) {
      const [url, who] =
        input.kind === 'attachment'
          ? [`/api/reports/${report.id}/attachments`, sessions.reporter]
          : input.kind === 'values-xlsx'
            ? [`/api/plans/${planId}/indicator-values/import`, sessions.coordinator]
            : ['/api/plan-imports', sessions.coordinator];
      const boundary = '----planwatchfuzz7MA4YWxkTrZu0gW';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${input.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      );
      const res = await app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: who.cookie,
          'x-csrf-token': who.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: Buffer.concat([head, Buffer.from(input.bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
      });
      return res.statusCode;
    },
  };
}

async function login(app: FastifyInstance, username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  const token = res.cookies.find((c) => c.name === 'pw_session')!.value;
  return { cookie: `pw_session=${token}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}
