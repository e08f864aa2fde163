import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const h = await hashPassword('mật-khẩu-đúng');
    expect(h.startsWith('scrypt$')).toBe(true);
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
  });

  it('generates passwords of the requested length', () => {
    expect(generatePassword(20)).toHaveLength(20);
  });
});
