import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test/databases';
import { describeEachDatabase } from '../../test/describe-each-database';
import { addressKey, LoginLimiter } from './login-limiter';

const limits = { maxPerAccount: 3, maxPerAddress: 5, windowMs: 1000 };
const at = (ms: number) => new Date(Date.UTC(2026, 10, 30) + ms);

describeEachDatabase('login limiter', (dialect) => {
  let t: TestContext;
  let limiter: LoginLimiter;
  beforeAll(async () => {
    t = await openTestContext(dialect);
    limiter = new LoginLimiter(t.ctx.db, limits);
  });
  afterAll(() => t.close());

  it('refuses an account past its limit from any address, and forgets after the window', async () => {
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      expect(await limiter.admit(ip, 'An', at(0))).toBe(true);
    expect(await limiter.admit('10.0.0.4', 'an', at(10))).toBe(false);
    expect(await limiter.admit('10.0.0.4', 'binh', at(10))).toBe(true);
    expect(await limiter.admit('10.0.0.5', ' AN ', at(1001))).toBe(true);
  });

  it('refuses an address that tries many accounts', async () => {
    for (const u of ['a', 'b', 'c', 'd', 'e']) expect(await limiter.admit('9.9.9.9', u, at(0))).toBe(true);
    expect(await limiter.admit('9.9.9.9', 'f', at(1))).toBe(false);
  });

  it('a successful login clears the account and gives the address its attempt back', async () => {
    for (let i = 0; i < 3; i++) await limiter.admit('8.8.8.8', 'chi', at(0));
    await limiter.recordSuccess('8.8.8.8', 'chi');
    expect(await limiter.admit('8.8.8.8', 'chi', at(1))).toBe(true);
    const row = await t.ctx.db
      .selectFrom('login_throttle')
      .select('failures')
      .where('key', '=', 'ip:8.8.8.8')
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(3);
  });

  it('keeps one row per account or address and deletes those whose window has passed', async () => {
    const start = at(10_000);
    for (let i = 0; i < 200; i++) await limiter.admit(`172.16.${i % 50}.1`, `khong-ton-tai-${i}`, start);
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('login_throttle')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBeGreaterThanOrEqual(250); // 200 accounts + 50 addresses (+ earlier tests')
    expect(await limiter.cleanup(new Date(start.getTime() + 999))).toBeGreaterThan(0); // older tests' rows
    expect(await count()).toBe(250);
    await limiter.cleanup(new Date(start.getTime() + 1000));
    expect(await count()).toBe(0);
  });
});

describe('address keys', () => {
  it('counts an IPv6 /64 as one address and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('203.0.113.7')).toBe('ip:203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('ip:203.0.113.7');
    expect(addressKey('2001:db8:0:1::1')).toBe('ip:2001:db8:0:1::/64');
    expect(addressKey('2001:0db8:0000:0001:ffff:1:2:3')).toBe('ip:2001:db8:0:1::/64');
    expect(addressKey('2001:db8::5')).toBe('ip:2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('ip:0:0:0:0::/64');
  });
});
