import path from 'node:path';
import { expect, test } from '@playwright/test';
import { logIn } from './support/session';

const FIXTURE = path.join(
  import.meta.dirname,
  '../fixtures/plans/amendments/hung-yen-bo-sung-dieu-chinh-148.txt',
);

/*
 * Issue 13, item 2: the coordinator uploads a document supplementing and adjusting plan 148, reviews the
 * changes read from it beside the plan as it is (one unticked), applies them as one revision, finds it in
 * the plan's history as one entry with its file, and reverts it (the demo plan is shared: it is left as
 * it was).
 */
test('nhập văn bản bổ sung, điều chỉnh: xem xét → áp dụng → lịch sử → hoàn tác', async ({ page }) => {
  await logIn(page, 'congthuong');
  const plans = (await (await page.request.get('/api/plans?q=148/KH-UBND')).json()) as {
    items: { id: number; number: string | null }[];
  };
  const planId = plans.items.find((p) => p.number === '148/KH-UBND')!.id;

  await page.goto(`/ke-hoach/${planId}`);
  await page.getByTestId('amendment-upload').waitFor();
  await page.locator('input[type=file]').setInputFiles(FIXTURE);
  await expect(page).toHaveURL(/\/dieu-chinh\/\d+$/);

  await expect(page.getByText('52/KH-UBND', { exact: true })).toBeVisible();
  await expect(page.getByTestId('amendment-warnings')).toContainText(
    'Không tìm thấy nhiệm vụ số 25 trong kế hoạch.',
  );
  const changes = page.getByTestId('proposed-change');
  await expect(changes).toHaveCount(5);
  const deadline = changes.filter({ hasText: 'Điều chỉnh nhiệm vụ số 19' });
  await expect(deadline).toContainText('Kế hoạch hiện hành');
  await expect(deadline.getByTestId('changed-deadlineText').last()).toHaveText('Quý IV/2024');
  await page.screenshot({ path: 'test-results/plan-amendment-review.png', fullPage: true });

  // The lead change is left out.
  await changes.filter({ hasText: 'Điều chỉnh nhiệm vụ số 11' }).getByRole('checkbox').uncheck();
  await page.getByLabel('Lý do thay đổi').fill('Thực hiện Kế hoạch số 52/KH-UBND của UBND tỉnh');
  await page.getByRole('button', { name: 'Áp dụng 4 thay đổi' }).click();

  await expect(page).toHaveURL(/tab=lich-su/);
  const entry = page.getByTestId('amendment').filter({ hasText: 'Áp dụng văn bản 52/KH-UBND' });
  await expect(entry).toContainText('Áp dụng văn bản 52/KH-UBND ngày 15/03/2024 (4 thay đổi)');
  await expect(entry.getByTestId('amendment-file')).toHaveText(/hung-yen-bo-sung-dieu-chinh-148\.txt/);
  await entry.getByText('Xem 4 thay đổi').click();
  await expect(entry.getByTestId('revision').filter({ hasText: 'Sửa nhiệm vụ 19' })).toContainText(
    'Quý IV/2024',
  );
  await page.screenshot({ path: 'test-results/plan-amendment-history.png', fullPage: true });

  await entry.getByRole('button', { name: 'Hoàn tác văn bản này' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hoàn tác văn bản 52/KH-UBND' });
  await dialog.getByLabel('Lý do hoàn tác').fill('Thử nghiệm: trả kế hoạch về như cũ');
  await dialog.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(
    page.getByTestId('amendment').filter({ hasText: 'Hoàn tác văn bản 52/KH-UBND' }),
  ).toBeVisible();
  await expect(entry).toContainText('Đã hoàn tác');
});
