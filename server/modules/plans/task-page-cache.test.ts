import { describe, expect, it } from 'vitest';
import { PageCache } from '../../lib/page-cache';
import { taskPageKey } from './task-page-cache';

const page = (bytes: number) => Buffer.alloc(bytes, 'x');

describe('task page cache', () => {
  it('gives a page back only for the version it was written at', () => {
    const c = new PageCache(1000);
    c.set('a', '1.0', page(10));
    expect(c.get('a', '1.0')?.length).toBe(10);
    expect(c.get('a', '2.0')).toBeUndefined();
    expect(c.get('a', '1.0')).toBeUndefined(); // the stale page is gone
  });

  it('stays within its bytes, dropping the least recently used page first', () => {
    const c = new PageCache(300);
    c.set('a', '1', page(99));
    c.set('b', '1', page(99));
    c.set('c', '1', page(99));
    c.get('a', '1'); // a is now the most recently used
    c.set('d', '1', page(99));
    expect(c.get('b', '1')).toBeUndefined();
    expect(c.get('a', '1')).toBeDefined();
    expect(c.get('c', '1')).toBeDefined();
    expect(c.get('d', '1')).toBeDefined();
    c.set('huge', '1', page(1000));
    expect(c.get('huge', '1')).toBeUndefined();
    expect(c.size).toBe(3);
  });

  it('keys by plan, day and every query value, whatever their order', () => {
    const q = { page: 2, pageSize: 100, sort: 'ordinal', order: 'asc' } as never;
    const same = { order: 'asc', sort: 'ordinal', pageSize: 100, page: 2, q: undefined } as never;
    expect(taskPageKey(1, '2026-12-01', q)).toBe(taskPageKey(1, '2026-12-01', same));
    expect(taskPageKey(1, '2026-12-01', q)).not.toBe(taskPageKey(2, '2026-12-01', q));
    expect(taskPageKey(1, '2026-12-01', q)).not.toBe(taskPageKey(1, '2026-12-02', q));
    expect(taskPageKey(1, '2026-12-01', q)).not.toBe(
      taskPageKey(1, '2026-12-01', { ...(q as object), page: 3 } as never),
    );
  });
});
