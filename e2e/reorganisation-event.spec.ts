import { expect, type Page, test } from '@playwright/test';
import { logIn } from './support/session';

async function pick(page: Page, label: string, name: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
}

test('sáp nhập giữa kỳ: xem trước, áp dụng — bản nháp báo cáo đang mở chuyển sang sở mới — rồi hoàn tác', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Sắp xếp tổ chức' })
    .click();
  await expect(page.getByRole('heading', { name: 'Sắp xếp tổ chức', level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Lập phương án' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lập phương án sắp xếp tổ chức' });
  const title = `Hợp nhất Sở Tư pháp và Sở Y tế (thử ${Date.now()})`;
  await dialog.getByLabel('Nội dung').fill(title);
  await dialog.getByLabel('Số văn bản căn cứ').fill('99/QĐ-UBND');
  await pick(page, 'Cơ quan được sắp xếp 1', 'Sở Tư pháp');
  await pick(page, 'Cơ quan được sắp xếp 2', 'Sở Y tế');
  await dialog.getByLabel('Cơ quan tiếp nhận 1: mã').fill(`STPYT_${Date.now()}`);
  await dialog.getByLabel('Cơ quan tiếp nhận 1: tên').fill('Sở Tư pháp và Y tế');
  await dialog.getByRole('button', { name: 'Lập và xem trước' }).click();

  // The preview, grouped by what moves: the open drafts of the annual period go to the new department.
  const panel = page.locator('.ant-card').filter({ has: page.getByText('Xem trước: những gì sẽ chuyển') });
  // Other browser tests may have opened periods of their own: at least the two annual drafts.
  await expect(panel.getByText(/^Báo cáo đang mở \(\d+\)$/)).toBeVisible();
  const draft = panel
    .getByRole('row')
    .filter({ hasText: /Báo cáo của Sở Tư pháp, kỳ/ })
    .first();
  await expect(draft).toContainText('Sở Tư pháp và Y tế');
  // Their tasks come through "Các sở, ban, ngành", where the new department takes their place.
  await expect(panel.getByText(/^Nhóm cơ quan \(2\)$/)).toBeVisible();
  await expect(
    panel.getByText(/^Sở Y tế rời nhóm “Các sở, ban, ngành” từ .*; Sở Tư pháp và Y tế thay trong nhóm$/),
  ).toBeVisible();
  await expect(panel.getByText(/^Nội dung báo cáo đang soạn \(\d+\)$/)).toBeVisible();

  await page.screenshot({ path: 'test-results/reorganisation-preview.png', fullPage: true });
  await panel.getByRole('button', { name: 'Áp dụng' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Áp dụng' }).click();
  await expect(page.getByText('Đã áp dụng phương án sắp xếp.')).toBeVisible();
  const applied = page.locator('.ant-card').filter({ has: page.getByText('Những thay đổi đã ghi lại') });
  await expect(applied.getByText('Đã áp dụng', { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/reorganisation-applied.png', fullPage: true });

  await expect(
    applied
      .getByRole('row')
      .filter({ hasText: /^Báo cáo của Sở Tư pháp, kỳ/ })
      .first(),
  ).toBeVisible();

  // The coordinator's report list now expects the draft from the new department, not from the old ones.
  await page.context().clearCookies();
  await logIn(page, 'congthuong');
  await page.goto('/bao-cao?trang-thai=draft');
  await expect(page.getByRole('cell', { name: 'Sở Tư pháp và Y tế' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Sở Y tế', exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/reorganisation-inbox.png', fullPage: true });
  await page.context().clearCookies();
  await logIn(page, 'admin');
  await page.goto('/sap-xep-to-chuc');
  await page.getByRole('button', { name: title }).click();
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByText('Đã hoàn tác phương án sắp xếp.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: title }).getByText('Đã hoàn tác')).toBeVisible();
});
