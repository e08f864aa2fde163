import { expect, test } from '@playwright/test';
import { logIn } from './support/session';

/*
 * The leader's drill-down: the plan's task list filtered to "Quá hạn" shows as many tasks as the status
 * summary counts, each marked so; and a task the lead has completed shows no red row in its history.
 */
test('lãnh đạo lọc nhiệm vụ quá hạn: số nhiệm vụ bằng số đếm tình trạng', async ({ page }) => {
  await logIn(page, 'lanhdao');
  // The demo plan by its number: other browser tests import more plans, and the list puts the newest first.
  const plans = (await (await page.request.get('/api/plans?q=148/KH-UBND')).json()) as {
    items: { id: number; number: string | null }[];
  };
  const planId = plans.items.find((p) => p.number === '148/KH-UBND')!.id;
  const statuses = (await (await page.request.get(`/api/plans/${planId}/task-statuses`)).json()) as {
    summary: { overdue: number };
  };
  expect(statuses.summary.overdue).toBeGreaterThan(0);

  await page.goto(`/ke-hoach/${planId}/nhiem-vu`);
  // Retried as a whole (as in admin-creates-reporter.spec.ts): on a busy machine the option list can
  // re-render between finding the option and clicking it.
  await expect(async () => {
    await page.getByLabel('Lọc theo tình trạng').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByTitle('Quá hạn', { exact: true })
      .first()
      .click({ timeout: 5_000 });
    await expect(page).toHaveURL(/status=overdue/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText(`Tìm thấy ${statuses.summary.overdue} nhiệm vụ`)).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  expect(shown).toBe(Math.min(statuses.summary.overdue, 20));
  for (let i = 0; i < shown; i++) await expect(rows.nth(i).locator('.ant-tag-error')).toHaveText('Quá hạn');

  // The address a dashboard links to gives the same list.
  await page.goto(`/ke-hoach/${planId}/nhiem-vu?status=overdue&sort=status`);
  await expect(page.getByText(`Tìm thấy ${statuses.summary.overdue} nhiệm vụ`)).toBeVisible();
});

test('nhiệm vụ chủ trì đã hoàn thành: các dòng của cơ quan phối hợp không hiện “Quá hạn”', async ({
  page,
}) => {
  await logIn(page, 'lanhdao');
  // The demo plan by its number: other browser tests import more plans, and the list puts the newest first.
  const plans = (await (await page.request.get('/api/plans?q=148/KH-UBND')).json()) as {
    items: { id: number; number: string | null }[];
  };
  const planId = plans.items.find((p) => p.number === '148/KH-UBND')!.id;
  const tasks = (await (await page.request.get(`/api/plans/${planId}/tasks?pageSize=1`)).json()) as {
    items: { id: number }[];
  };
  await page.goto(`/ke-hoach/${planId}/nhiem-vu/${tasks.items[0]!.id}`);
  const history = page.locator('.ant-card').filter({ hasText: 'Lịch sử báo cáo' });
  await expect(history.getByText('Phối hợp').first()).toBeVisible();
  // In the demo's annual period the lead (Sở Công Thương) reported the task completed: none of that
  // period's rows reads "Quá hạn". (Other browser tests open ad hoc periods whose drafts say otherwise.)
  const annual = history
    .getByRole('row')
    .filter({ hasText: `Báo cáo kết quả thực hiện năm ${new Date().getFullYear()}` });
  await expect(annual.filter({ hasText: 'Phối hợp' }).first()).toBeVisible();
  await expect(annual.getByText('Hoàn thành', { exact: false }).first()).toBeVisible();
  await expect(annual.locator('.ant-tag').filter({ hasText: /^Quá hạn$/ })).toHaveCount(0);
});
