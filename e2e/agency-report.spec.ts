import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { openAdHocPeriod } from './support/periods';
import { logIn } from './support/session';

/*
 * An agency's own report: the reporter of Sở Công Thương downloads it as Word and attaches two files
 * to one task. On a period this test opens itself (an ad-hoc request), so the demo's sample reports
 * (Sở Công Thương's annual report is accepted, hence locked) stay as they are.
 */

const PERIOD_TITLE = `Báo cáo đột xuất văn bản cơ quan ${Date.now()}`;
const AGENCY = 'Sở Công Thương';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function session(browser: Browser, username: string): Promise<Page> {
  const { baseURL, locale } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, acceptDownloads: true });
  const page = await context.newPage();
  await logIn(page, username);
  return page;
}

test('báo cáo của cơ quan: tải văn bản Word và đính kèm hai tệp cho một nhiệm vụ', async ({ browser }) => {
  test.setTimeout(120_000);
  await openAdHocPeriod(await session(browser, 'congthuong'), PERIOD_TITLE);

  const page = await session(browser, 'sct.baocao');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Việc của tôi' })
    .click();
  const card = page.locator('.ant-card').filter({ hasText: PERIOD_TITLE });
  await card.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: `Báo cáo của ${AGENCY}`, level: 2 })).toBeVisible();

  // The Word file: issued by the agency, addressed to the consolidating agency, a draft until sent.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải văn bản báo cáo (Word)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Báo cáo SCT 148\/KH-UBND năm \d{4}\.docx$|\.docx$/);
  const xml = strFromU8(unzipSync(readFileSync((await download.path())!))['word/document.xml']!);
  expect(xml).toContain('SỞ CÔNG THƯƠNG');
  expect(xml).toContain('DỰ THẢO');
  expect(xml).toContain('/BC-SCT');

  // Two files on the first task it leads, chosen at once.
  const task = page
    .getByRole('region', { name: 'Nhiệm vụ chủ trì' })
    .getByRole('region', { name: /^Nhiệm vụ / })
    .first();
  const taskName = (await task.getAttribute('aria-label'))!;
  await task.locator('input[type="file"]').setInputFiles([
    { name: 'Quyết định phê duyệt.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: 'Phụ lục số liệu.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  const files = task.getByRole('list', { name: /^Tệp đã đính kèm/ });
  await expect(files.getByRole('link', { name: /Quyết định phê duyệt\.pdf/ })).toBeVisible();
  await expect(files.getByRole('link', { name: /Phụ lục số liệu\.pdf/ })).toBeVisible();
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu lúc', { timeout: 15_000 });

  // Kept by the server: after reloading, the task still lists both.
  await page.reload();
  const again = page
    .getByRole('region', { name: 'Nhiệm vụ chủ trì' })
    .getByRole('region', { name: taskName });
  const kept = again.getByRole('list', { name: /^Tệp đã đính kèm/ }).getByRole('listitem');
  await expect(kept).toHaveCount(2);
  await expect(kept.nth(0)).toContainText('Quyết định phê duyệt.pdf');
  await expect(kept.nth(1)).toContainText('Phụ lục số liệu.pdf');
  await expect(page.getByText('Chưa có bản scan báo cáo đã ký.')).toBeVisible();

  // The Word report made as a tracked job: its progress, then the file, kept with who made it and from
  // which version of the report (not sent yet: a draft).
  const docs = page.locator('.ant-card').filter({ hasText: 'Văn bản báo cáo đã lập' });
  await expect(docs.getByText('Chưa lập văn bản báo cáo nào.')).toBeVisible();
  await docs.getByRole('button', { name: 'Lập văn bản báo cáo (.docx)' }).click();
  const made = docs.getByRole('link', { name: /Báo cáo SCT 148\/KH-UBND năm \d{4}\.docx/ });
  await expect(made).toBeVisible({ timeout: 60_000 });
  await expect(docs).toContainText('Đã lập xong');
  await expect(docs).toContainText('bản báo cáo chưa gửi');
  const saving = page.waitForEvent('download');
  await made.click();
  const generated = await saving;
  const madeXml = strFromU8(unzipSync(readFileSync((await generated.path())!))['word/document.xml']!);
  expect(madeXml).toContain('SỞ CÔNG THƯƠNG');
  expect(madeXml).toContain('DỰ THẢO');
});
