import { writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { openAdHocPeriod } from './support/periods';
import { logIn } from './support/session';

/**
 * Printing on A4 from the browser: the task list (every filtered task, not one page), a report (every
 * entry, folded ones too) and the dashboard (charts at the paper's width). Each is checked in print
 * media — menu, header, buttons and paging hidden, the print-only title block shown — and saved as an
 * A4 PDF by Chromium; the PDFs are kept in test-results/ to be looked at (pdftoppm).
 */

/** Page objects of a PDF Chromium wrote (its page dictionaries are not compressed). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

async function savePdf(page: Page, name: string): Promise<Buffer> {
  const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
  writeFileSync(`test-results/${name}.pdf`, pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return pdf;
}

async function expectScreenPartsHidden(page: Page) {
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeHidden();
  await expect(page.locator('.ant-layout-header')).toBeHidden();
  await expect(page.getByRole('button', { name: /Đăng xuất|Tài khoản|Thông báo/ })).toHaveCount(0);
  await expect(page.getByTestId('print-header')).toBeVisible();
  await expect(page.getByTestId('print-header')).toContainText(/In ngày \d{2}\/\d{2}\/\d{4}/);
}

async function planId(page: Page): Promise<number> {
  const res = await page.request.get('/api/plans?q=148');
  const body = (await res.json()) as { items: { id: number; number: string }[] };
  return body.items.find((p) => p.number === '148/KH-UBND')!.id;
}

test.beforeEach(async ({ page }) => {
  // The print dialog is the browser's, not the page's: count the calls instead of opening it.
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
});

test('danh sách nhiệm vụ in đủ mọi nhiệm vụ đã lọc, có dòng bộ lọc, không có menu và nút', async ({
  page,
}) => {
  await logIn(page, 'congthuong');
  const id = await planId(page);
  // Five a page, so the screen shows fewer than the filter finds.
  await page.goto(`/ke-hoach/${id}/nhiem-vu?status=overdue&pageSize=5`);
  const total = Number(
    ((await page.getByText(/^Tìm thấy \d+ nhiệm vụ$/).textContent()) ?? '').replace(/\D+/g, ''),
  );
  expect(total).toBeGreaterThan(5);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(5);

  await page.getByRole('button', { name: /^(printer )?In$/ }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(rows).toHaveCount(total);
  await expect(rows.filter({ hasText: 'Quá hạn' })).toHaveCount(total);

  await page.emulateMedia({ media: 'print' });
  await expectScreenPartsHidden(page);
  await expect(page.getByRole('button', { name: /^(printer )?In$/ })).toBeHidden();
  await expect(page.locator('.ant-pagination')).toHaveCount(0);
  await expect(page.getByRole('textbox').first()).toBeHidden();
  const header = page.getByTestId('print-header');
  await expect(header).toContainText('Kế hoạch 148/KH-UBND');
  await expect(header).toContainText('Danh sách nhiệm vụ');
  await expect(header).toContainText(/Bộ lọc: Tình trạng năm \d{4}: Quá hạn/);
  await expect(header).toContainText(`Gồm ${total} nhiệm vụ.`);
  // Every row is there on paper, and the table fits the page: no sideways scroll box.
  await expect(rows).toHaveCount(total);
  const pdf = await savePdf(page, 'print-tasks');
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
});

test('báo cáo in đủ mọi nhiệm vụ, kể cả phần phối hợp đang thu gọn', async ({ page }) => {
  await logIn(page, 'congthuong');
  // A demo report that has tasks in support (shown folded on screen).
  const list = (await (await page.request.get('/api/reports?pageSize=100')).json()) as {
    items: { id: number }[];
  };
  let reportId: number | undefined;
  let support = 0;
  for (const r of list.items) {
    const detail = (await (await page.request.get(`/api/reports/${r.id}`)).json()) as {
      support: { task: { content: string } }[];
    };
    if (detail.support.length > 0) {
      reportId = r.id;
      support = detail.support.length;
      break;
    }
  }
  expect(reportId, 'the demo data has a report with support tasks').toBeDefined();
  await page.goto(`/bao-cao/${reportId}`);
  const supportSection = page.getByRole('region', { name: 'Nhiệm vụ phối hợp' });
  await expect(supportSection).toBeVisible();
  const panels = supportSection.locator('.ant-collapse-panel');
  await expect(panels).toHaveCount(support);
  await expect(panels.first()).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  await expectScreenPartsHidden(page);
  await expect(page.locator('.ant-breadcrumb')).toBeHidden();
  for (let i = 0; i < support; i++) await expect(panels.nth(i)).toBeVisible();
  await expect(page.getByTestId('print-header')).toContainText('báo cáo của');
  const pdf = await savePdf(page, 'print-report');
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
});

test('tổng quan in được trên A4: biểu đồ vừa khổ giấy, không có menu, bộ lọc thành dòng chữ', async ({
  page,
}) => {
  await logIn(page, 'lanhdao');
  const chart = page.getByRole('img', { name: /Biểu đồ nhiệm vụ theo trạng thái/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('canvas')).toHaveCount(1);

  await page.emulateMedia({ media: 'print' });
  await expectScreenPartsHidden(page);
  await expect(page.getByTestId('print-header')).toContainText('Tổng quan tình hình thực hiện');
  // Charts are redrawn at most A4's printable width (183 mm ≈ 691 px).
  const canvases = page.locator('.print-chart canvas');
  const n = await canvases.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++)
    await expect
      .poll(async () => (await canvases.nth(i).boundingBox())?.width ?? 9999)
      .toBeLessThanOrEqual(691);
  await expect(page.getByRole('search', { name: 'Bộ lọc tổng quan kế hoạch' })).toContainText(
    // The plan the dashboard opens on (other tests may have added plans before this one runs).
    /\d+\/KH-UBND — /,
  );
  const pdf = await savePdf(page, 'print-dashboard');
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
});

test('báo cáo đang soạn in ra A4 với nội dung đã nhập hiện thành chữ, không có ô nhập', async ({ page }) => {
  test.setTimeout(120_000);
  // A period of its own, so the report being filled in is a fresh draft of Sở Công Thương.
  const title = `Báo cáo đột xuất in khi đang soạn ${Date.now()}`;
  await logIn(page, 'congthuong');
  await openAdHocPeriod(page, title);
  await page.context().clearCookies();
  await logIn(page, 'sct.baocao');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Việc của tôi' })
    .click();
  await page.locator('.ant-card').filter({ hasText: title }).getByRole('link').first().click();
  await expect(page.getByRole('button', { name: /Lưu nháp/ })).toBeVisible();

  const task = page
    .getByRole('region', { name: 'Nhiệm vụ chủ trì' })
    .getByRole('region', { name: /^Nhiệm vụ / })
    .first();
  const result = 'Đã ban hành kế hoạch triển khai và tổ chức 3 hội nghị kết nối cung cầu';
  const difficulties = 'Kinh phí được giao chậm, chưa đủ cho hội nghị thứ tư';
  await task
    .locator('label')
    .filter({ hasText: /^Đang thực hiện$/ })
    .click();
  await task.getByLabel('Kết quả thực hiện').fill(result);
  await task.getByLabel('Khó khăn, vướng mắc').fill(difficulties);
  await task.getByLabel('Số văn bản sản phẩm').fill('45/KH-SCT');
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu lúc', { timeout: 15_000 });

  await page.emulateMedia({ media: 'print' });
  await expectScreenPartsHidden(page);
  // The inputs give way to their values as text, under each label.
  await expect(task.getByLabel('Kết quả thực hiện')).toBeHidden();
  await expect(task.getByRole('radio', { name: 'Đang thực hiện' })).toBeHidden();
  await expect(page.getByRole('button', { name: /Lưu nháp/ })).toBeHidden();
  const values = task.getByTestId('print-value');
  await expect(values.filter({ hasText: 'Đang thực hiện' })).toBeVisible();
  await expect(values.filter({ hasText: result })).toBeVisible();
  await expect(values.filter({ hasText: difficulties })).toBeVisible();
  await expect(values.filter({ hasText: '45/KH-SCT' })).toBeVisible();
  await expect(page.getByTestId('print-header')).toContainText(`${title} — báo cáo của Sở Công Thương`);
  const pdf = await savePdf(page, 'print-report-editing');
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
});
