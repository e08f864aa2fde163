import { expect, test } from '@playwright/test';
import { logIn } from './support/session';

/*
 * Issue 13: the coordinator of the plan's consolidating agency adds a task to a confirmed plan, then
 * changes its deadline; each change needs a reason, and the task's history ("Lịch sử thay đổi") shows
 * the change in Vietnamese — field, before → after, reason, amending document. A leader reads the
 * history but is offered no change. The test works on a task of its own (other tests share the demo).
 */
test('cán bộ tổng hợp sửa thời hạn nhiệm vụ kèm lý do; lịch sử thay đổi hiện trước → sau', async ({
  page,
  browser,
}) => {
  await logIn(page, 'congthuong');
  const plans = (await (await page.request.get('/api/plans?q=148/KH-UBND')).json()) as {
    items: { id: number; number: string | null }[];
  };
  const planId = plans.items.find((p) => p.number === '148/KH-UBND')!.id;
  const content = `Nhiệm vụ thử điều chỉnh ${Date.now().toString(36)}`;
  const year = new Date().getFullYear() + 3;

  await page.goto(`/ke-hoach/${planId}`);
  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  const add = page.getByRole('dialog', { name: 'Thêm nhiệm vụ vào kế hoạch' });
  await add.getByLabel('Nội dung').fill(content);
  await add.getByRole('textbox', { name: 'Thời hạn hoàn thành' }).fill(String(year));
  await add.getByLabel('Lý do thay đổi').fill('Bổ sung nhiệm vụ theo văn bản của UBND tỉnh');
  await add.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  // The new task's own page opens.
  await expect(page.getByText(content)).toBeVisible();
  await expect(page).toHaveURL(/\/nhiem-vu\/\d+$/);
  const taskUrl = page.url();

  await page.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
  const edit = page.getByRole('dialog', { name: /^Sửa nhiệm vụ/ });
  await edit.getByRole('textbox', { name: 'Thời hạn hoàn thành' }).fill(String(year + 1));
  // No reason: refused on the spot.
  await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(edit.getByText('Hãy ghi lý do thay đổi')).toBeVisible();
  await edit.getByLabel('Lý do thay đổi').fill('Gia hạn theo đề nghị của cơ quan chủ trì');
  await edit.getByLabel('Văn bản điều chỉnh, bổ sung (số, ký hiệu)').fill('25/QĐ-UBND');
  await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(edit).toBeHidden();

  const history = page.getByTestId('revision-history');
  const change = history.getByTestId('revision').filter({ hasText: 'Gia hạn theo đề nghị' });
  await expect(change).toContainText('Thời hạn hoàn thành:');
  await expect(change).toContainText(`${year} → ${year + 1}`);
  await expect(change).toContainText('Văn bản điều chỉnh: 25/QĐ-UBND');
  await expect(
    history.getByTestId('revision').filter({ hasText: 'Bổ sung nhiệm vụ theo văn bản' }),
  ).toBeVisible();
  await expect(page.locator('.ant-descriptions').getByText(String(year + 1), { exact: true })).toBeVisible();

  // A leader reads the same history and is offered no change.
  const leader = await browser.newPage();
  await logIn(leader, 'lanhdao');
  await leader.goto(taskUrl);
  await expect(leader.getByTestId('revision').filter({ hasText: 'Gia hạn theo đề nghị' })).toBeVisible();
  await expect(leader.getByRole('button', { name: 'Sửa nhiệm vụ' })).toHaveCount(0);
  await leader.close();
});
