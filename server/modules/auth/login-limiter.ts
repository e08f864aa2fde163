/**
 * Counts failed logins per (address, username) and per address in a sliding window, so a password
 * cannot be guessed by brute force. Kept in memory: one planwatch process serves a province.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxPerAccount = 5,
    private readonly maxPerAddress = 30,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  isBlocked(address: string, username: string, now = Date.now()): boolean {
    return (
      this.recent(`a:${address}:${username.toLowerCase()}`, now) >= this.maxPerAccount ||
      this.recent(`i:${address}`, now) >= this.maxPerAddress
    );
  }

  recordFailure(address: string, username: string, now = Date.now()): void {
    for (const key of [`a:${address}:${username.toLowerCase()}`, `i:${address}`]) {
      const list = this.failures.get(key) ?? [];
      list.push(now);
      this.failures.set(key, list);
    }
  }

  recordSuccess(address: string, username: string): void {
    this.failures.delete(`a:${address}:${username.toLowerCase()}`);
  }

  private recent(key: string, now: number): number {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list.length;
  }
}
