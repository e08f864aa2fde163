import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { LowPriorityHashPool } from '../../lib/low-priority-pool';
import { Semaphore } from '../../lib/semaphore';

const scryptRaw = promisify(scryptCb) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;

/**
 * Argon2id at one of OWASP's equivalent minimum settings: 7 MiB, 5 passes, 1 lane. OWASP lists m = 46,
 * 19, 12, 9 and 7 MiB with t = 1 to 5 as "an equal level of defense", trading memory for passes. The
 * 7 MiB setting was measured the fastest here (6.7 ms against 10.4–12.9 ms for 19 MiB / 2 passes, and
 * 11–14 ms against 18–23 ms with both cores hashing: two 19 MiB blocks do not stay in the 32 MiB
 * cache), which is what lets 50 people signing in at once finish within a second on two cores
 * (docs/PERFORMANCE.md, bench/cold-clients.ts). Hashes made with the earlier 19 MiB setting or with
 * scrypt still verify and are replaced at the next sign-in (`needsRehash`).
 * Node 20 has no Argon2; @node-rs/argon2 is the maintained Rust binding, shipped as prebuilt platform
 * packages (no install script, nothing downloaded). The parameters are stored in each hash (PHC
 * string), so they can be raised later and old hashes still verify.
 */
// `algorithm: 2` is Argon2id in @node-rs/argon2's Algorithm enum (a const enum, not importable here).
const ARGON2 = { algorithm: 2, memoryCost: 7168, timeCost: 5, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/**
 * Hashes run on threads at the lowest CPU priority (`lib/low-priority-pool.ts`): 50 people signing in
 * at once use every core, while the requests of people already signed in still answer at once
 * (issue 10, item 9; bench/cold-clients.ts, docs/PERFORMANCE.md).
 */
const pool = new LowPriorityHashPool();

/** Hashes of the older scrypt scheme are checked rarely (once per account, then replaced). */
const legacyHashing = new Semaphore(Math.max(1, availableParallelism() - 1));

/** Argon2id with a random salt, as a PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export async function hashPassword(password: string): Promise<string> {
  return pool.run<string>({ op: 'hash', password: password.normalize('NFC'), options: ARGON2 });
}

/** True when a stored hash was made with other parameters or the older scrypt scheme. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

let verifications = 0;

/**
 * How many password verifications this process has run. Login checks that unknown usernames cost a
 * verification too (see dummyPasswordHash); tests and the metrics read it.
 */
export const passwordVerifications = (): number => verifications;

/** Checks a password against an Argon2id hash, or a scrypt hash stored before Argon2id was adopted. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const pw = password.normalize('NFC');
  if (stored.startsWith('$argon2id$')) {
    verifications += 1;
    return pool.run<boolean>({ op: 'verify', password: pw, stored }).catch(() => false);
  }
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  verifications += 1;
  const expected = Buffer.from(hash, 'base64');
  const key = await legacyHashing.run(() =>
    scryptRaw(pw, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) }),
  );
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | null = null;

/**
 * A hash of a random password, made once per process with the current parameters. Login verifies
 * against it when the username is unknown, so an unknown account takes as long to refuse as a wrong
 * password and usernames cannot be told apart by timing.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64'));
  return dummy;
}

/** A readable one-time password for a new administrator (no look-alike characters). */
export function generatePassword(length = 16): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
