import { expect, type Page, test } from '@playwright/test';
import { logIn } from './support/session';

/** From the plan list to plan 148's overview, as the coordinator. */
async function openPlan(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await expect(page).toHaveURL(/\/ke-hoach$/);
  await page.getByRole('link', { name: '148/KH-UBND', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kế hoạch 148/KH-UBND', level: 2 })).toBeVisible();
}

test('cán bộ tổng hợp công khai kế hoạch, người không đăng nhập xem được chỉ tiêu; gỡ công khai thì không xem được nữa', async ({
  page,
  browser,
}) => {
  await logIn(page, 'congthuong');
  await openPlan(page);
  const publication = page.getByTestId('plan-publication');
  await expect(publication).toContainText('Chưa công khai');
  await publication.getByRole('button', { name: 'Công khai' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Công khai' }).click();
  await expect(publication).toContainText('Đang công khai');
  const link = publication.getByRole('link', { name: /\/cong-khai\/ke-hoach\/\d+$/ });
  const path = (await link.getAttribute('href'))!;
  expect(path).toMatch(/^\/cong-khai\/ke-hoach\/\d+$/);

  // Another browser, nobody signed in.
  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(path);
  await expect(reader.getByRole('heading', { name: /148\/KH-UBND/, level: 2 })).toBeVisible();
  await expect(reader.getByText('Chỉ tiêu và đánh giá thực hiện')).toBeVisible();
  await expect(reader.getByText('Kim ngạch xuất khẩu').first()).toBeVisible();
  await expect(reader.getByText(/Tình hình thực hiện nhiệm vụ năm \d{4}/)).toBeVisible();
  await expect(reader.getByText('Trần Thị Tổng Hợp')).toHaveCount(0);
  await expect(reader.getByRole('navigation', { name: 'Điều hướng chính' })).toHaveCount(0);
  await reader.screenshot({ path: 'test-results/public-plan-desktop.png', fullPage: true });
  await reader.setViewportSize({ width: 390, height: 844 });
  await reader.screenshot({ path: 'test-results/public-plan-phone.png', fullPage: true });

  // Taken down: the same link says so, in Vietnamese.
  await publication.getByRole('button', { name: 'Gỡ công khai' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Gỡ công khai' }).click();
  await expect(publication).toContainText('Chưa công khai');
  await reader.reload();
  await expect(reader.getByText('Kế hoạch chưa được công khai')).toBeVisible();
  await expect(reader.getByText(/chưa được công khai hoặc đã được gỡ công khai/)).toBeVisible();
  await anonymous.close();
});
