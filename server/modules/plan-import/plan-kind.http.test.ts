import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReviewDraft } from '../../../shared/contracts/plan-import';
import { confirmImportResponseSchema, planImportSchema } from '../../../shared/contracts/plan-import';
import {
  planDetailSchema,
  planListResponseSchema,
  taskListResponseSchema,
} from '../../../shared/contracts/plans';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

const FIXTURES = path.join(import.meta.dirname, '../../../fixtures/plans');
const SAMPLE = readFileSync(path.join(FIXTURES, 'hung-yen-148-KH-UBND-2021.txt'));
const DECISION = readFileSync(path.join(FIXTURES, 'published/bnnmt-2200-2026.txt'));
/** A Markdown table with an extra column, so a task keeps an extra field through confirm. */
const WITH_EXTRA = `ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 35/KH-UBND
Bắc Ninh, ngày 12 tháng 3 năm 2025
KẾ HOẠCH
Phát triển logistics
I. MỤC TIÊU
- Đến năm 2030, xây dựng 2 trung tâm logistics.
PHỤ LỤC
| TT | Nội dung | Cơ quan chủ trì | Thời hạn | Địa điểm |
| --- | --- | --- | --- | --- |
| 1 | Xây dựng trung tâm logistics | Sở Công Thương | 2025-2027 | Huyện Quế Võ |
`;

describeEachDatabase('plan kind: shown in the plan list and searchable', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
  });
  afterAll(() => s.close());

  const importAndConfirm = async (name: string, body: Buffer) => {
    const upload = await coordinator.upload('/api/plan-imports', name, body);
    expect(upload.status).toBe(200);
    const imp = expectBody(upload, planImportSchema);
    const confirm = await coordinator.post(`/api/plan-imports/${imp.id}/confirm`);
    expect(confirm.status).toBe(200);
    return { imp, planId: expectBody(confirm, confirmImportResponseSchema).planId };
  };

  it('keeps the kind of each document and finds plans by it', async () => {
    const decision = await importAndConfirm('qd-2200.txt', DECISION);
    expect(decision.imp.draft.kind).toBe('decision');
    await importAndConfirm('kh-148.txt', SAMPLE);

    const all = expectBody(await coordinator.get('/api/plans'), planListResponseSchema);
    expect(all.items.map((p) => [p.number, p.kind]).sort()).toEqual([
      ['148/KH-UBND', 'plan'],
      ['2200/QĐ-BNNMT', 'decision'],
    ]);
    const found = expectBody(
      await coordinator.get(`/api/plans?q=${encodeURIComponent('quyết định ban hành')}`),
      planListResponseSchema,
    );
    expect(found.items.map((p) => p.number)).toEqual(['2200/QĐ-BNNMT']);
  });

  it('keeps a target the officer added in the review, marked as added by hand', async () => {
    const upload = await coordinator.upload(
      '/api/plan-imports',
      'kh-35-b.txt',
      Buffer.from(WITH_EXTRA.replace('35/KH', '36/KH')),
    );
    const imp = expectBody(upload, planImportSchema);
    const draft: ReviewDraft = structuredClone(imp.draft);
    draft.targets.push({
      text: 'Thu hút 3 doanh nghiệp logistics',
      kind: 'count',
      min: 3,
      max: 3,
      unit: 'doanh nghiệp',
      fromYear: null,
      toYear: 2030,
      approximate: false,
      subject: 'Doanh nghiệp logistics thu hút',
      origin: 'reviewer',
    });
    const saved = await coordinator.request('PUT', `/api/plan-imports/${imp.id}/draft`, {
      version: imp.version,
      draft,
    });
    expect(saved.status).toBe(200);
    expect(expectBody(saved, planImportSchema).draft.targets.at(-1)).toMatchObject({
      origin: 'reviewer',
      min: 3,
    });
    const confirm = await coordinator.post(`/api/plan-imports/${imp.id}/confirm`);
    expect(confirm.status).toBe(200);
    const plan = expectBody(
      await coordinator.get(`/api/plans/${expectBody(confirm, confirmImportResponseSchema).planId}`),
      planDetailSchema,
    );
    expect(plan.targets.map((t) => t.text)).toContain('Thu hút 3 doanh nghiệp logistics');
  });

  it('keeps a task table’s extra columns on the confirmed tasks', async () => {
    const { planId } = await importAndConfirm('kh-35.txt', Buffer.from(WITH_EXTRA));
    const tasks = expectBody(await coordinator.get(`/api/plans/${planId}/tasks`), taskListResponseSchema);
    expect(tasks.items[0]?.extra).toEqual([{ label: 'Địa điểm', text: 'Huyện Quế Võ' }]);
  });
});
