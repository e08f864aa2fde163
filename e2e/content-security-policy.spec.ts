import { expect, test } from '@playwright/test';
import { logIn } from './support/session';

// The server's Content-Security-Policy (server/http/security-headers.ts) must not break the built
// client: Ant Design's CSS-in-JS, ECharts and Vite's scripts all have to load under it.
test('the client works under the Content-Security-Policy, with no violation reported', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('Refused to load: ' + e.violatedDirective + ' ' + e.blockedURI));`,
  });

  const first = await page.goto('/dang-nhap');
  expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await logIn(page, 'congthuong');

  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  // The home page (a dashboard for coordinators and leaders) also links to the plan: wait for the list.
  await expect(page).toHaveURL(/\/ke-hoach$/);
  await page.getByRole('link', { name: '148/KH-UBND', exact: true }).click();
  await page.getByRole('button', { name: 'Số liệu và đánh giá thực hiện chỉ tiêu' }).click();
  await page.getByRole('link', { name: 'Kim ngạch xuất khẩu' }).click();
  // An ECharts chart, drawn on a canvas with inline styles.
  await expect(page.getByRole('img', { name: 'Biểu đồ số liệu Kim ngạch xuất khẩu theo năm' })).toBeVisible();
  // Ant Design's styles were applied (its CSS-in-JS <style> elements were not blocked).
  const button = page.getByRole('button', { name: 'Thêm số liệu' });
  await expect(button).toBeVisible();
  await expect(button).not.toHaveCSS('border-radius', '0px');

  expect(violations).toEqual([]);
});
