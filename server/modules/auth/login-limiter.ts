import { isIPv6 } from 'node:net';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

export interface LoginLimits {
  /** Wrong passwords for one account, from any address, before it is refused for the window. */
  maxPerAccount: number;
  /** Failed logins from one address (IPv6: its /64), whatever the accounts, before it is refused. */
  maxPerAddress: number;
  windowMs: number;
}

const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  maxPerAccount: 5,
  maxPerAddress: 30,
  windowMs: 15 * 60 * 1000,
};

/** How often a process deletes rows whose window has passed (they no longer count anyway). */
const CLEANUP_EVERY_MS = 60 * 1000;

/**
 * Counts login attempts per account and per address in the database (table login_throttle), so
 * every server process on one database sees the same counts and memory does not grow with an
 * attack: the table holds at most one row per account or address tried in the last window.
 *
 * An attempt is counted *before* the password is checked, with one atomic upsert per key, so
 * parallel guesses cannot all pass a check made before any of them is recorded. A successful login
 * clears the account's count and gives the address back its attempt, so colleagues behind one
 * office address are not refused for logging in.
 */
export class LoginLimiter {
  private lastCleanup = 0;

  constructor(
    private readonly db: Kysely<Database>,
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Counts an attempt; false when the account or the address is over its limit in the window. */
  async admit(address: string, username: string, now = new Date()): Promise<boolean> {
    if (now.getTime() - this.lastCleanup >= CLEANUP_EVERY_MS) {
      this.lastCleanup = now.getTime();
      await this.cleanup(now);
    }
    const account = await this.count(accountKey(username), now);
    const from = await this.count(addressKey(address), now);
    return account <= this.limits.maxPerAccount && from <= this.limits.maxPerAddress;
  }

  async recordSuccess(address: string, username: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', accountKey(username)).execute();
    await this.db
      .updateTable('login_throttle')
      .set({ failures: sql`failures - 1` })
      .where('key', '=', addressKey(address))
      .where('failures', '>', 0)
      .execute();
  }

  /** Deletes rows whose window has passed; returns how many. */
  async cleanup(now = new Date()): Promise<number> {
    const r = await this.db
      .deleteFrom('login_throttle')
      .where('window_started_at', '<=', this.windowStart(now))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  private windowStart(now: Date): string {
    return new Date(now.getTime() - this.limits.windowMs).toISOString();
  }

  /** +1 for the key in its current window (a new window when the old one has passed); the new count. */
  private async count(key: string, now: Date): Promise<number> {
    const at = now.toISOString();
    const expired = sql<boolean>`login_throttle.window_started_at <= ${this.windowStart(now)}`;
    const row = await this.db
      .insertInto('login_throttle')
      .values({ key, failures: 1, window_started_at: at })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when ${expired} then 1 else login_throttle.failures + 1 end`,
          window_started_at: sql`case when ${expired} then ${at} else login_throttle.window_started_at end`,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    return Number(row.failures);
  }
}

const accountKey = (username: string): string => `user:${username.trim().toLowerCase()}`;

/**
 * 'ip:<address>'. An IPv6 client usually controls a whole /64, so its addresses count together;
 * an IPv4-mapped IPv6 address counts as the IPv4 one.
 */
export function addressKey(address: string): string {
  const ip = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return `ip:${mapped[1]}`;
  if (!isIPv6(ip)) return `ip:${ip}`;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  const prefix = groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, ''));
  return `ip:${prefix.join(':')}::/64`;
}
