import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Written answers (bytes) kept in memory by key, each valid only for the data version it was written
 * at: a reader passes the version it has just read, and an older entry is dropped, not served. Used by
 * the task list (plans/task-page-cache.ts), the report lists (reporting/report-page-cache.ts), the
 * header search and the calendar's day list (content-version.ts).
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

/**
 * A route's pages kept in a `PageCache`: `sendKept` answers from memory when the page of `key` was
 * written at `version` (true: sent), else remembers the key so that `onSend` (the route's hook) keeps
 * the bytes the serializer writes for a 200.
 */
export function keptPages(maxBytes: number) {
  const cache = new PageCache(maxBytes);
  const toKeep = new WeakMap<object, { key: string; version: string }>();
  return {
    cache,
    onSend: async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const keep = toKeep.get(req);
      if (keep && reply.statusCode === 200 && typeof payload === 'string')
        cache.set(keep.key, keep.version, Buffer.from(payload));
      return payload;
    },
    sendKept(req: FastifyRequest, reply: FastifyReply, key: string, version: string): boolean {
      const page = cache.get(key, version);
      if (!page) {
        toKeep.set(req, { key, version });
        return false;
      }
      // The bytes the serializer wrote for this very key and version: sent as they are.
      reply.type('application/json; charset=utf-8').send(page as never);
      return true;
    },
  };
}

/** A key for a parsed query: its defined fields in name order, so equal queries give equal keys. */
export function queryKey(query: object): string {
  const q = query as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(q)
      .filter((k) => q[k] !== undefined)
      .sort()
      .map((k) => [k, q[k]]),
  );
}
