import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** This process, as named in job leases and outbox claims: machine, process id and a random part. */
export const PROCESS_HOLDER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Takes the lease of job `name` for `ttlMs` when it is free, expired, or already ours, in one
 * conditional statement each (insert if absent, else update where expired or ours), so two processes
 * asking at once never both get it. Works the same on SQLite and PostgreSQL. Leases compare times
 * written by the processes' clocks: machines running planwatch keep their clocks synchronised (NTP).
 */
export async function acquireLease(
  db: Kysely<Database>,
  name: string,
  holder: string,
  ttlMs: number,
  now: Date = new Date(),
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  const inserted = await db
    .insertInto('job_leases')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
  const updated = await db
    .updateTable('job_leases')
    .set({ holder, expires_at: expiresAt })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('holder', '=', holder)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Gives the lease back (only if still ours), so another process may run the job at once. */
export async function releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute();
}

/**
 * Runs `fn` while holding the lease `name`, waiting (polling) for it when another process holds it:
 * for one-off work at start-up that two processes starting together must not both do.
 */
export async function withLease<T>(
  db: Kysely<Database>,
  name: string,
  fn: () => Promise<T>,
  opts: { holder?: string; ttlMs?: number; pollMs?: number; waitMs?: number } = {},
): Promise<T> {
  const holder = opts.holder ?? PROCESS_HOLDER;
  const deadline = Date.now() + (opts.waitMs ?? 120_000);
  while (!(await acquireLease(db, name, holder, opts.ttlMs ?? 60_000))) {
    if (Date.now() > deadline) {
      throw new Error(`Chờ quá lâu để giành quyền chạy "${name}" (một tiến trình khác đang giữ).`);
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
  }
  try {
    return await fn();
  } finally {
    await releaseLease(db, name, holder);
  }
}
