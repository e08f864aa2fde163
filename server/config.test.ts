import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from './config';

describe('TRUST_PROXY', () => {
  it('is off unless set, and reads true, a hop count or a list of addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy(' 10.0.0.1, 10.1.0.0/16 ,')).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(parseTrustProxy('loopback, 2001:db8::/32')).toEqual(['loopback', '2001:db8::/32']);
  });

  it('refuses anything else at start-up, naming the wrong entry in Vietnamese', () => {
    expect(() => parseTrustProxy('10.0.0.1, proxy.local')).toThrow('TRUST_PROXY không hợp lệ: "proxy.local"');
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow('"10.0.0.0/33"');
    expect(() => parseTrustProxy('yes')).toThrow('"yes"');
  });
});
