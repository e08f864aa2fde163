import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { Semaphore } from '../../lib/semaphore';

const scryptRaw = promisify(scryptCb) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;

/**
 * How many scrypt runs may use the CPU at once: all cores but one. Each run takes a core for tens of
 * milliseconds; 50 people signing in together used to fill libuv's four threads on a two-core server,
 * and every page request of the people already signed in queued behind the hashing for seconds
 * (issue 10: up to 4.6 s). With a core kept for the event loop, pages answer while logins wait their
 * turn (bench/cold-clients.ts, docs/PERFORMANCE.md "Lists at scale").
 */
const hashing = new Semaphore(Math.max(1, availableParallelism() - 1));
const scrypt = (pw: string, salt: Buffer, len: number, opts: object) =>
  hashing.run(() => scryptRaw(pw, salt, len, opts));
const N = 16384;
const R = 8;
const P = 1;
const KEY_LEN = 64;

/** scrypt with a random salt; parameters are stored with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

let verifications = 0;

/**
 * How many scrypt verifications this process has run. Login checks that unknown usernames cost a
 * verification too (see dummyPasswordHash); tests and the metrics read it.
 */
export const passwordVerifications = (): number => verifications;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  verifications += 1;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
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
