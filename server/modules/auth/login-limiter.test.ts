import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter';

describe('login limiter', () => {
  it('blocks an account after five failures from one address, and forgets after the window', () => {
    const l = new LoginLimiter(5, 30, 1000);
    for (let i = 0; i < 5; i++) l.recordFailure('1.2.3.4', 'Admin', 0);
    expect(l.isBlocked('1.2.3.4', 'admin', 10)).toBe(true);
    expect(l.isBlocked('5.6.7.8', 'admin', 10)).toBe(false);
    expect(l.isBlocked('1.2.3.4', 'admin', 1001)).toBe(false);
  });

  it('blocks an address that tries many accounts', () => {
    const l = new LoginLimiter(5, 3, 1000);
    for (const u of ['a', 'b', 'c']) l.recordFailure('9.9.9.9', u, 0);
    expect(l.isBlocked('9.9.9.9', 'd', 1)).toBe(true);
  });

  it('a successful login clears that account’s failures', () => {
    const l = new LoginLimiter(2, 30, 1000);
    l.recordFailure('1.1.1.1', 'x', 0);
    l.recordSuccess('1.1.1.1', 'x');
    l.recordFailure('1.1.1.1', 'x', 1);
    expect(l.isBlocked('1.1.1.1', 'x', 2)).toBe(false);
  });
});
