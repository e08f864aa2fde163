import { expect, type Page } from '@playwright/test';

/** Demo accounts share one password (see `planwatch demo`). */
export const DEMO_PASSWORD = 'planwatch-demo';

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan', level: 2 })).toBeVisible();
}
