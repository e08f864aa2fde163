import { readFileSync } from 'node:fs';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { logIn } from './support/session';

/*
 * An agency's own report: the reporter of Sở Công Thương downloads it as Word and attaches two files
 * to one task. On a period this test opens itself (an ad-hoc request), so the demo's sample reports
 * (Sở Công Thương's annual report is accepted, hence locked) stay as they are.
 */

const PERIOD_TITLE = `Báo cáo đột xuất văn bản cơ quan ${Date.now()}`;
const AGENCY = 'Sở Công Thương';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function viDate(daysFromToday: number): string {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

async function session(browser: Browser, username: string): Promise<Page> {
  const { baseURL, locale } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, acceptDownloads: true });
  const page = await context.newPage();
  await logIn(page, username);
  return page;
}

async function chooseRadio(scope: Locator, name: string): Promise<void> {
  // The dialog may still be opening (its animation) when the first click lands: click until checked.
  await expect(async () => {
    await scope
      .locator('label')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
    await expect(scope.getByRole('radio', { name })).toBeChecked({ timeout: 2_000 });
  }).toPass();
}

async function openAdHocPeriod(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Kế hoạch', exact: true })
    .click();
  await expect(page).toHaveURL(/\/ke-hoach$/);
  await page.getByRole('link', { name: '148/KH-UBND', exact: true }).click();
  await page.getByRole('link', { name: 'Kỳ báo cáo' }).click();
  await page.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mở kỳ báo cáo' });
  await chooseRadio(dialog, 'Báo cáo đột xuất');
  await dialog.getByLabel('Tiêu đề').fill(PERIOD_TITLE);
  const due = dialog.getByLabel('Hạn nộp báo cáo');
  await due.click();
  await due.fill(viDate(20));
  await due.press('Enter');
  await dialog.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: PERIOD_TITLE })).toContainText('Đang mở');
}

test('báo cáo của cơ quan: tải văn bản Word và đính kèm hai tệp cho một nhiệm vụ', async ({ browser }) => {
  test.setTimeout(120_000);
  await openAdHocPeriod(await session(browser, 'congthuong'));

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
});
