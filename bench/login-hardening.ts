/**
 * Login hardening figures: the limiter's memory and rows under 60,000 failed attempts (as a spray of
 * distinct usernames from 2,000 addresses), and how long a refusal takes for a known and an unknown
 * username through the HTTP stack. SQLite, and PostgreSQL when TEST_DATABASE_URL is set.
 * Run: node --expose-gc --import tsx bench/login-hardening.ts (BENCH_LOGIN_ATTEMPTS=… for fewer)
 */
import { buildApp } from '../server/app';
import { LoginLimiter } from '../server/modules/auth/login-limiter';
import { openTestContext, TEST_DIALECTS } from '../server/test/databases';
import { buildUser } from '../server/test/factories';
import { time } from './stats';

const ATTEMPTS = Number(process.env.BENCH_LOGIN_ATTEMPTS ?? 60_000);
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

async function run(dialect: 'sqlite' | 'postgres') {
  const t = await openTestContext(dialect);
  const limiter = new LoginLimiter(t.ctx.db);
  const start = new Date();
  const before = heap();
  const t0 = performance.now();
  for (let i = 0; i < ATTEMPTS; i++)
    await limiter.admit(`10.${(i % 2000) >> 8}.${i % 256}.1`, `doan-${i}`, start);
  const seconds = (performance.now() - t0) / 1000;
  const after = heap();
  const count = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('login_throttle')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rows = await count();
  await limiter.cleanup(new Date(start.getTime() + limiter.limits.windowMs));
  const rowsAfterWindow = await count();
  console.log(
    `${dialect}: ${ATTEMPTS} attempts in ${seconds.toFixed(1)} s; heap ${mb(before)} → ${mb(after)} MB; ` +
      `${rows} rows, ${rowsAfterWindow} after the window`,
  );

  const app = await buildApp(t.ctx, { logger: false });
  const u = await buildUser(t.ctx, { role: 'reporter' });
  let n = 0;
  const attempt = (username: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'sai' },
      remoteAddress: `192.0.2.${n++ % 250}`,
    });
  // Fresh account counts each time, so every attempt is checked (not refused by the limiter).
  const known = await time('wrong password, known user', 40, async () => {
    await t.ctx.db.deleteFrom('login_throttle').execute();
    await attempt(u.username);
  });
  const unknown = await time('unknown user', 40, async () => {
    await t.ctx.db.deleteFrom('login_throttle').execute();
    await attempt(`khong-co-${n}`);
  });
  for (const r of [known, unknown])
    console.log(`${dialect}: ${r.name}: median ${r.medianMs} ms, p95 ${r.p95Ms} ms`);
  await app.close();
  await t.close();
}

for (const d of process.env.BENCH_DIALECT
  ? [process.env.BENCH_DIALECT as 'sqlite' | 'postgres']
  : TEST_DIALECTS)
  await run(d);
