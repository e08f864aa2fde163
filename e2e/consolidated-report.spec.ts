import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { logIn } from './support/session';

/*
 * The coordinator of the consolidating agency rewrites a section of the consolidated report, generates
 * the Word file as a tracked job, waits for it to finish and downloads it: the file carries the words
 * typed in the page.
 */

const EDITED = `Sở Công Thương nhận định: khó khăn lớn nhất là thiếu quỹ đất sạch (kiểm thử ${Date.now()}).`;

test('báo cáo tổng hợp: sửa một phần, lập báo cáo, tải về có nội dung đã sửa', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, 'congthuong');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Kế hoạch', exact: true })
    .click();
  await expect(page).toHaveURL(/\/ke-hoach$/);
  await page.getByRole('link', { name: '148/KH-UBND', exact: true }).click();
  await page.getByRole('link', { name: 'Kỳ báo cáo' }).click();
  await expect(page.getByRole('heading', { name: 'Kỳ báo cáo', level: 2 })).toBeVisible();

  const card = page.locator('.ant-card').filter({ hasText: 'Báo cáo tổng hợp' }).last();
  // The card opens on the newest period; other tests may have opened an ad hoc one: choose the annual.
  await card.getByRole('combobox').click();
  await page
    .locator('.ant-select-dropdown:visible')
    .getByText(new RegExp(`^Báo cáo kết quả thực hiện năm ${new Date().getFullYear()}`))
    .click();
  // The choice goes through the address (?ky=…) and may render a moment later: until the select shows it,
  // the text box on the page may still be the previous period's, and text typed there would be dropped.
  await expect(card.locator('.ant-select').first()).toContainText(
    new RegExp(`Báo cáo kết quả thực hiện năm ${new Date().getFullYear()}`),
  );
  // Each section is a region named by its heading, holding its text box and buttons.
  const sectionBlock = card.getByRole('region', { name: /^II\. Tồn tại, hạn chế/ });
  const section = sectionBlock.getByRole('textbox');
  await expect(section).toBeVisible();
  // The section starts as the draft from the accepted reports; the coordinator rewrites it.
  await section.fill(`${EDITED}\nĐề nghị các sở tiếp tục rà soát.`);
  await expect(card.getByText('Chưa lưu')).toBeVisible();
  await sectionBlock.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu nội dung.')).toBeVisible();
  await expect(sectionBlock.getByText('Đã sửa', { exact: true })).toBeVisible();
  await expect(sectionBlock).toContainText('Phiên bản 1: ');

  await card.getByRole('button', { name: 'Lập báo cáo' }).click();
  // The newest generation is listed first, with who made it and when.
  const newest = card.getByRole('listitem').filter({ hasText: 'Trần Thị Tổng Hợp lập lúc' }).first();
  await expect(newest.getByText('Đã lập xong')).toBeVisible({ timeout: 60_000 });
  await expect(newest).toContainText('báo cáo đã tiếp nhận');

  const download = page.waitForEvent('download');
  await newest.getByRole('link', { name: /Báo cáo tổng hợp 148\/KH-UBND năm \d{4}\.docx/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Báo cáo tổng hợp 148-KH-UBND năm \d{4}\.docx$/);
  const zip = await JSZip.loadAsync(await readFile((await file.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain(EDITED);
  expect(xml).toContain('Đề nghị các sở tiếp tục rà soát.');
});
