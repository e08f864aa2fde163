import { expect, type Page, test } from '@playwright/test';
import { logIn } from './support/session';

/*
 * Issue 13, item 4: the reporter of a task's lead agency asks to extend its deadline from the task page;
 * the coordinator of the plan's consolidating agency finds it in "Đề nghị chờ duyệt" and approves it;
 * the task then shows the new deadline, the request as approved and the revision citing it. The test
 * adds a task of its own (led by Sở Công Thương) through the API, so other tests' tasks stay as they are.
 */

async function api(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const res = await page.request.fetch(url, {
    method,
    data,
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return res.json();
}

test('cơ quan chủ trì đề nghị gia hạn; cán bộ tổng hợp chấp thuận; nhiệm vụ đổi thời hạn', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await logIn(page, 'congthuong');
  const plans = (await api(page, 'GET', '/api/plans?q=148/KH-UBND')) as {
    items: { id: number; number: string | null }[];
  };
  const planId = plans.items.find((p) => p.number === '148/KH-UBND')!.id;
  const orgs = (await api(page, 'GET', '/api/organisations')) as { items: { id: number; name: string }[] };
  const sct = orgs.items.find((o) => o.name === 'Sở Công Thương')!;
  const content = `Nhiệm vụ thử đề nghị gia hạn ${Date.now().toString(36)}`;
  const year = new Date().getFullYear() + 1;
  const added = (await api(page, 'POST', `/api/plans/${planId}/revisions`, {
    reason: 'Bổ sung nhiệm vụ để thử đề nghị gia hạn',
    document: null,
    change: {
      kind: 'task_add',
      task: {
        ordinal: `T${Date.now().toString(36).slice(-4)}`,
        group: null,
        content,
        product: null,
        deadlineText: String(year),
        leads: [{ text: sct.name, organisationId: sct.id, groupKey: null }],
        coordinators: [],
      },
    },
  })) as { taskId: number };
  const taskUrl = `/ke-hoach/${planId}/nhiem-vu/${added.taskId}`;

  // The lead's reporter files the request from the task page.
  const reporterContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const reporter = await reporterContext.newPage();
  await logIn(reporter, 'sct.baocao');
  await reporter.goto(taskUrl);
  await expect(reporter.getByText(content).first()).toBeVisible();
  await reporter.getByRole('button', { name: 'Đề nghị gia hạn / chuyển cơ quan chủ trì' }).click();
  const dialog = reporter.getByRole('dialog', { name: /^Đề nghị về nhiệm vụ/ });
  await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(dialog.getByText('Hãy ghi lý do đề nghị')).toBeVisible();
  const newDate = `30/06/${year + 1}`;
  await dialog.getByLabel('Thời hạn đề nghị').fill(newDate);
  await dialog.getByLabel('Thời hạn đề nghị').press('Enter');
  await dialog.getByLabel('Lý do').fill('Chờ ý kiến thẩm định của bộ, ngành trung ương');
  // The agency's letter goes with the request.
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'Cong-van-de-nghi-gia-han.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\nCông văn đề nghị gia hạn\n%%EOF\n'),
  });
  await expect(dialog.getByText('Cong-van-de-nghi-gia-han.pdf')).toBeVisible();
  await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(dialog).toBeHidden();
  const panel = reporter.getByTestId('task-request');
  await expect(panel.getByText('Chờ duyệt')).toBeVisible();
  await expect(panel.getByText(`Gia hạn đến ${newDate}`)).toBeVisible();
  await reporter.screenshot({ path: test.info().outputPath('task-request-filed.png'), fullPage: true });

  // The coordinator's menu counts the requests waiting for a decision (other tests may have some too).
  await page.reload();
  const menu = page.getByRole('navigation', { name: 'Điều hướng chính' });
  const count = menu.getByRole('status', { name: /^[\d.]+ đề nghị chờ duyệt$/ });
  await expect(count).toBeVisible();
  const before = Number((await count.getAttribute('aria-label'))!.split(' ')[0]!.replace('.', ''));
  expect(before).toBeGreaterThanOrEqual(1);
  await menu.screenshot({ path: test.info().outputPath('task-request-menu-count.png') });

  // The coordinator approves it from the queue.
  await menu.getByRole('link', { name: /^Đề nghị chờ duyệt/ }).click();
  await expect(page.getByRole('heading', { name: 'Đề nghị của các cơ quan', level: 2 })).toBeVisible();
  const card = page.locator('.ant-card').filter({ hasText: content });
  await expect(card.getByText('Chờ ý kiến thẩm định của bộ, ngành trung ương')).toBeVisible();
  const letter = card.getByRole('link', { name: /Cong-van-de-nghi-gia-han\.pdf/ });
  await expect(letter).toHaveAttribute('href', /^\/api\/task-requests\/\d+\/file$/);
  const download = await page.request.get((await letter.getAttribute('href'))!);
  expect(download.headers()['content-type']).toContain('application/pdf');
  await page.screenshot({ path: test.info().outputPath('task-request-queue.png'), fullPage: true });
  await card.getByRole('button', { name: 'Chấp thuận', exact: true }).click();
  const approve = page.getByRole('dialog', { name: 'Chấp thuận đề nghị' });
  await approve.getByLabel('Ý kiến (không bắt buộc)').fill('Đồng ý gia hạn');
  await approve.getByRole('button', { name: 'Chấp thuận và sửa kế hoạch' }).click();
  await expect(approve).toBeHidden();
  await expect(card).toBeHidden();
  // The count goes down at once (the decision refreshes it), or disappears with the last request.
  if (before > 1) await expect(count).toHaveAttribute('aria-label', `${before - 1} đề nghị chờ duyệt`);
  else await expect(count).toBeHidden();

  // The task shows the new deadline, the request approved and the revision citing it.
  await reporter.goto(taskUrl);
  await expect(reporter.getByTestId('task-request').getByText('Đã chấp thuận')).toBeVisible();
  await expect(reporter.getByText(newDate).first()).toBeVisible();
  await expect(reporter.getByText(/Theo đề nghị của Sở Công Thương/).first()).toBeVisible();
  // The revision links the agency's letter.
  await expect(reporter.getByText(/Đề nghị của Sở Công Thương ngày/).first()).toBeVisible();
  await expect(reporter.getByRole('link', { name: /Cong-van-de-nghi-gia-han\.pdf/ }).first()).toBeVisible();
  await reporter.screenshot({ path: test.info().outputPath('task-request-approved.png'), fullPage: true });
  await reporterContext.close();
});
