import { afterAll, beforeAll, expect, it } from 'vitest';
import { notificationListResponseSchema } from '../../../shared/contracts/notifications';
import { LIST_COUNT_CAP } from '../../lib/bounded-count';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildLoggedIn } from '../../test/factories';
import type { Agent, TestServer } from '../../test/http-agent';
import { startTestServer } from '../../test/http-agent';

describeEachDatabase('a busy desk’s notifications: newest first, counted up to a cap', (dialect) => {
  let s: TestServer;
  let busy: Agent;
  let other: Agent;
  let otherId: number;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    const b = await buildLoggedIn(s, { role: 'coordinator' });
    busy = b.agent;
    const o = await buildLoggedIn(s, { role: 'coordinator' });
    other = o.agent;
    otherId = o.user.id;
    // Years of "Có báo cáo mới gửi": 1,001 notifications, the newest 3 unread.
    const n = LIST_COUNT_CAP + 1;
    const rows = Array.from({ length: n }, (_, i) => ({
      user_id: b.user.id,
      kind: 'report_submitted' as const,
      title: `Có báo cáo mới gửi (${i + 1})`,
      body: 'Một cơ quan đã gửi báo cáo, chờ tiếp nhận.',
      link: null,
      dedupe_key: `test:${i}:u${b.user.id}`,
      created_at: new Date(Date.UTC(2022, 0, 1) + i * 3_600_000).toISOString(),
      read_at: i >= n - 3 ? null : '2026-01-01T00:00:00.000Z',
      plan_id: null,
    }));
    for (let i = 0; i < rows.length; i += 1000)
      await s.ctx.db
        .insertInto('notifications')
        .values(rows.slice(i, i + 1000))
        .execute();
  });
  afterAll(() => s.close());

  it('shows the newest first and says "more than 1.000" instead of counting them all', async () => {
    const page = expectBody(await busy.get('/api/notifications'), notificationListResponseSchema);
    expect(page).toMatchObject({ total: LIST_COUNT_CAP, totalCapped: true, unread: 3 });
    expect(page.items.map((i) => i.title).slice(0, 2)).toEqual([
      `Có báo cáo mới gửi (${LIST_COUNT_CAP + 1})`,
      `Có báo cáo mới gửi (${LIST_COUNT_CAP})`,
    ]);
    const unread = expectBody(
      await busy.get('/api/notifications?unreadOnly=true'),
      notificationListResponseSchema,
    );
    expect(unread).toMatchObject({ total: 3, totalCapped: false, unread: 3 });
  });

  it('never shows one user another user’s notifications', async () => {
    const page = expectBody(await other.get('/api/notifications'), notificationListResponseSchema);
    expect(page).toMatchObject({ items: [], total: 0, totalCapped: false, unread: 0 });
  });

  // Last: it reads one and writes one for the other user.
  it('follows reading and new notifications on a page just read (pages are kept per user)', async () => {
    const url = '/api/notifications?unreadOnly=true';
    const before = expectBody(await busy.get(url), notificationListResponseSchema);
    expect(before).toMatchObject({ total: 3, unread: 3 });
    expect(expectBody(await other.get(url), notificationListResponseSchema).total).toBe(0);
    const read = await busy.request('POST', `/api/notifications/${before.items[0]!.id}/read`);
    expect(read.status).toBe(200);
    const after = expectBody(await busy.get(url), notificationListResponseSchema);
    expect(after).toMatchObject({ total: 2, unread: 2 });
    expect(after.items.map((i) => i.id)).not.toContain(before.items[0]!.id);
    // A notification written for the other user shows on their page, not on this one.
    await s.ctx.db
      .insertInto('notifications')
      .values({
        user_id: otherId,
        kind: 'report_submitted',
        title: 'Có báo cáo mới gửi (khác)',
        body: 'Một cơ quan đã gửi báo cáo, chờ tiếp nhận.',
        link: null,
        dedupe_key: `test:other:u${otherId}`,
        created_at: new Date().toISOString(),
        read_at: null,
        plan_id: null,
      })
      .execute();
    expect(expectBody(await other.get(url), notificationListResponseSchema)).toMatchObject({
      total: 1,
      unread: 1,
      items: [expect.objectContaining({ title: 'Có báo cáo mới gửi (khác)' })],
    });
    expect(expectBody(await busy.get(url), notificationListResponseSchema)).toMatchObject({ total: 2 });
  });
});
