import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../context';
import { connectAgain, openTestContext, type TestContext } from '../test/databases';
import { describeEachDatabase } from '../test/describe-each-database';
import { acquireLease, releaseLease, withLease } from './job-lease';

describeEachDatabase('job leases', (dialect) => {
  let t: TestContext;
  let other: AppContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
    other = await connectAgain(t.ctx);
  });
  afterAll(async () => {
    await other?.db.destroy();
    await t?.close();
  });

  const at = (iso: string) => new Date(iso);

  it('one holder at a time; the holder renews; an expired lease passes to another', async () => {
    expect(await acquireLease(t.ctx.db, 'nhac-han', 'A', 60_000, at('2026-01-01T00:00:00Z'))).toBe(true);
    expect(await acquireLease(other.db, 'nhac-han', 'B', 60_000, at('2026-01-01T00:00:30Z'))).toBe(false);
    expect(await acquireLease(t.ctx.db, 'nhac-han', 'A', 60_000, at('2026-01-01T00:00:40Z'))).toBe(true);
    // A's renewed lease runs to 00:01:40.
    expect(await acquireLease(other.db, 'nhac-han', 'B', 60_000, at('2026-01-01T00:01:39Z'))).toBe(false);
    expect(await acquireLease(other.db, 'nhac-han', 'B', 60_000, at('2026-01-01T00:01:40Z'))).toBe(true);
    expect(await acquireLease(t.ctx.db, 'nhac-han', 'A', 60_000, at('2026-01-01T00:01:41Z'))).toBe(false);
    // Another job's lease is independent.
    expect(await acquireLease(t.ctx.db, 'phien-het-han', 'A', 60_000, at('2026-01-01T00:01:41Z'))).toBe(true);
  });

  it('release frees the lease only when called by its holder', async () => {
    await releaseLease(t.ctx.db, 'nhac-han', 'A');
    expect(await acquireLease(t.ctx.db, 'nhac-han', 'A', 60_000, at('2026-01-01T00:01:50Z'))).toBe(false);
    await releaseLease(other.db, 'nhac-han', 'B');
    expect(await acquireLease(t.ctx.db, 'nhac-han', 'A', 60_000, at('2026-01-01T00:01:50Z'))).toBe(true);
  });

  it('of many processes asking at the same moment, exactly one gets a free lease', async () => {
    const now = at('2026-02-01T00:00:00Z');
    const asks = Array.from({ length: 8 }, (_, i) =>
      acquireLease(i % 2 === 0 ? t.ctx.db : other.db, 'cung-luc', `P${i}`, 60_000, now),
    );
    expect((await Promise.all(asks)).filter(Boolean)).toHaveLength(1);
  });

  it('withLease makes start-up work run one process after the other, never both at once', async () => {
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((r) => setTimeout(r, 50));
      inside -= 1;
    };
    await Promise.all([
      withLease(t.ctx.db, 'khoi-dong', work, { holder: 'A', pollMs: 10 }),
      withLease(other.db, 'khoi-dong', work, { holder: 'B', pollMs: 10 }),
    ]);
    expect(most).toBe(1);
  });
});
