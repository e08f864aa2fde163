import { expect, test } from '@playwright/test';
import { logIn } from './support/session';

test('nhiệm vụ của sở đã sáp nhập hiện cơ quan kế thừa; lọc theo Sở Tài chính hiện nay gồm nhiệm vụ của Sở Kế hoạch và Đầu tư', async ({
  page,
}) => {
  await logIn(page, 'congthuong');
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await page.getByRole('link', { name: '148/KH-UBND', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kế hoạch 148/KH-UBND', level: 2 })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/nhiem-vu`);

  const agency = page.getByLabel('Lọc theo cơ quan');
  await agency.click();
  await agency.fill('Sở Tài chính');
  await page.getByRole('option', { name: 'Sở Tài chính', exact: true }).click();
  // Radio buttons: the input is hidden under its label, which takes the click.
  await page
    .locator('label')
    .filter({ has: page.getByRole('radio', { name: 'Chủ trì' }) })
    .click();
  await expect(page.getByRole('radio', { name: 'Chủ trì' })).toBeChecked();
  const rows = page.locator('tbody tr');
  const merged = rows.filter({ hasText: 'Xây dựng Đề án thu hút FDI' });
  await expect(merged).toContainText('Sở Kế hoạch và Đầu tư');
  await expect(merged.locator('[data-agency-chain]')).toHaveText('→ Sở Tài chính từ 01/03/2025');

  // As the plan names it, Sở Tài chính does not lead the former department's tasks.
  await page
    .locator('label')
    .filter({ has: page.getByRole('radio', { name: 'Như trong kế hoạch' }) })
    .click();
  await expect(page).toHaveURL(/agencyAs=plan/);
  await expect(rows.filter({ hasText: 'Xây dựng Đề án thu hút FDI' })).toHaveCount(0);
});

test('nhóm “UBND các xã, phường” gồm 104 xã, phường của Hưng Yên từ 01/07/2025 và không gồm ai trước đó', async ({
  page,
}) => {
  await logIn(page, 'congthuong');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Cơ quan, đơn vị' })
    .click();
  await page.getByRole('tab', { name: 'Nhóm cơ quan' }).click();
  await page.getByRole('listitem').filter({ hasText: 'UBND các xã, phường, thị trấn' }).click();
  const date = page.getByLabel('Xem thành viên nhóm vào ngày');
  await date.click();
  await date.fill('02/07/2025');
  await date.press('Enter');
  await expect(page.getByText('UBND các xã, phường, thị trấn — ngày 02/07/2025 (104 cơ quan)')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'UBND phường Phố Hiến' })).toBeVisible();
  await date.click();
  await date.fill('30/06/2025');
  await date.press('Enter');
  await expect(page.getByText('Không có cơ quan nào thuộc nhóm này vào ngày đã chọn.')).toBeVisible();
});
