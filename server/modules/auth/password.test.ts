import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, needsRehash, verifyPassword } from './password';

/** A hash as planwatch stored it before Argon2id (scrypt, N = 16384, r = 8, p = 1). */
function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 64, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const h = await hashPassword('mật-khẩu-đúng');
    expect(h.startsWith('$argon2id$v=19$m=7168,t=5,p=1$')).toBe(true);
    expect(await verifyPassword('mật-khẩu-đúng', h)).toBe(true);
    expect(await verifyPassword('mat-khau-dung', h)).toBe(false);
  });

  it('treats NFD and NFC spellings of a Vietnamese password alike', async () => {
    const h = await hashPassword('Hưng Yên'.normalize('NFD'));
    expect(await verifyPassword('Hưng Yên'.normalize('NFC'), h)).toBe(true);
  });

  it('never stores the same hash twice and rejects malformed hashes', async () => {
    expect(await hashPassword('a')).not.toBe(await hashPassword('a'));
    expect(await verifyPassword('a', 'plain-text')).toBe(false);
    expect(await verifyPassword('a', '$argon2id$v=19$m=19456,t=2,p=1$hỏng')).toBe(false);
  });

  it('still verifies hashes stored with scrypt, and marks them for a rehash', async () => {
    const old = legacyScryptHash('Sở Công Thương');
    expect(await verifyPassword('Sở Công Thương', old)).toBe(true);
    expect(await verifyPassword('So Cong Thuong', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('x'))).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('still verifies hashes made with the earlier Argon2id parameters (19 MiB, 2 passes), and marks them', async () => {
    const argon2 = await import('@node-rs/argon2');
    const old = await argon2.hash('Sở Công Thương', {
      algorithm: 2,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    expect(old.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await verifyPassword('Sở Công Thương', old)).toBe(true);
    expect(await verifyPassword('So Cong Thuong', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it('generates passwords of the requested length', () => {
    expect(generatePassword(20)).toHaveLength(20);
  });
});
