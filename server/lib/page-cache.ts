/**
 * Written answers (bytes) kept in memory by key, each valid only for the data version it was written
 * at: a reader passes the version it has just read, and an older entry is dropped, not served. Used by
 * the task list (plans/task-page-cache.ts) and the report lists (reporting/report-page-cache.ts).
 */

interface Entry {
  version: string;
  body: Buffer;
}

/** Least recently used pages are dropped first once the bodies pass `maxBytes`. */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string, version: string): Buffer | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.version !== version) {
      this.bytes -= e.body.length + key.length;
      return undefined;
    }
    this.entries.set(key, e); // most recently used last
    return e.body;
  }

  set(key: string, version: string, body: Buffer): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length + key.length;
    }
    const size = body.length + key.length;
    if (size > this.maxBytes) return;
    this.entries.set(key, { version, body });
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length + k.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
