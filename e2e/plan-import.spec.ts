import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { logIn } from './support/session';

const TEST_PLAN = fileURLToPath(new URL('./fixtures/ke-hoach-thu-nghiem.txt', import.meta.url));
const DEMO_PLAN = fileURLToPath(new URL('../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url));
const FOREIGN_AGENCY = 'Sở Ngoại vụ tỉnh Hòa Bình';
const FORBIDDEN_TEXT = 'Bạn không có quyền truy cập trang này';

/** From the plan list through the upload page to the review of the uploaded file. */
async function uploadPlan(page: Page, file: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kế hoạch', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Nhập kế hoạch từ văn bản' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập kế hoạch từ văn bản', level: 2 })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(file);
  await expect(page).toHaveURL(/\/ke-hoach\/nhap\/\d+$/);
}

test('cán bộ tổng hợp nhập kế hoạch từ văn bản, sửa liên kết cơ quan rồi xác nhận', async ({ page }) => {
  await logIn(page, 'congthuong');
  await uploadPlan(page, TEST_PLAN);

  // Side by side: the original text and the draft read from it.
  await expect(page.getByRole('heading', { name: 'Kiểm tra bản nháp kế hoạch 57/KH-UBND' })).toBeVisible();
  await expect(page.getByTestId('source-text')).toContainText('Số: 57/KH-UBND');
  await expect(page.getByTestId('source-text')).toContainText('DANH MỤC');
  const tasks = page.getByRole('tabpanel');
  await expect(tasks.getByRole('row')).toHaveCount(6); // header + 5 tasks
  // "Quý III/2024" is read as a quarter: the kind tag says so.
  const quarterRow = tasks.getByRole('row').filter({ hasText: 'Quý III/2024' });
  await expect(quarterRow.getByText('Quý', { exact: true })).toBeVisible();
  await expect(page.getByText('Còn 1 mục cần kiểm tra')).toBeVisible();

  // The registry has no such agency: the importer's guess is highlighted for the officer to check.
  const foreign = page.getByRole('button', { name: `Chọn cơ quan cho “${FOREIGN_AGENCY}”` });
  await expect(foreign.locator('[data-uncertain="true"]')).toBeVisible();
  await foreign.click();
  const dialog = page.getByRole('dialog', { name: 'Liên kết cơ quan với danh mục' });
  await expect(dialog).toContainText(FOREIGN_AGENCY);
  await dialog.getByLabel('Thêm cơ quan mới vào danh mục').check();
  await expect(dialog.getByLabel('Tên cơ quan mới')).toHaveValue(FOREIGN_AGENCY);
  // Another province's department must not join this province's "Các sở, ban, ngành".
  // Retried as a whole (as in admin-creates-reporter.spec.ts): on a busy machine the option list can
  // re-render between finding the option and clicking it, leaving nothing chosen and the list open.
  await expect(async () => {
    await dialog.getByLabel('Loại cơ quan mới').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByTitle('Khác', { exact: true })
      .click({ timeout: 5_000 });
    await expect(dialog.getByTitle('Khác', { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(dialog).toBeHidden();
  await expect(foreign).toContainText(`Cơ quan mới: ${FOREIGN_AGENCY} (Khác)`);

  await expect(page.getByText('Có thay đổi chưa lưu')).toBeVisible();
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByText('Đã lưu bản nháp.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu nháp' })).toBeDisabled();

  // The officer decided the only doubtful link, so nothing is left to check: a plain confirmation follows.
  await expect(page.getByText('Còn 1 mục cần kiểm tra')).toHaveCount(0);
  await page.getByRole('button', { name: 'Xác nhận nhập kế hoạch' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: 'Xác nhận nhập kế hoạch?' });
  await expect(ask).not.toContainText('chưa kiểm tra');
  await ask.getByRole('button', { name: 'Xác nhận nhập' }).click();

  await expect(page).toHaveURL(/\/ke-hoach\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Kế hoạch 57/KH-UBND', level: 2 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Mục tiêu (3)' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '8–9 %/năm' })).toBeVisible();

  await page.getByRole('button', { name: 'Danh sách nhiệm vụ (5)' }).click();
  await expect(page.getByRole('heading', { name: 'Nhiệm vụ của kế hoạch 57/KH-UBND' })).toBeVisible();
  await expect(page.getByText('Tổng số 5 nhiệm vụ')).toBeVisible();

  // Typed without diacritics, as officers often do.
  await page.getByLabel('Tìm nhiệm vụ').fill('ngoai vu');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/q=ngoai\+vu/);
  await expect(page.getByText('Tìm thấy 1 nhiệm vụ')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Ký kết chương trình hợp tác xúc tiến thương mại' });
  await expect(row).toContainText(FOREIGN_AGENCY);

  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Nhiệm vụ 4', level: 2 })).toBeVisible();
  await expect(page.getByText('2024-2025', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Về danh sách nhiệm vụ' }).click();
  await expect(page).toHaveURL(/nhiem-vu\?q=ngoai\+vu$/);
});

test('văn bản đã nhập rồi: trang kiểm tra báo trùng và không cho xác nhận', async ({ page }) => {
  await logIn(page, 'congthuong');
  await uploadPlan(page, DEMO_PLAN);
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'Văn bản này đã được nhập thành kế hoạch 148/KH-UBND' });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xác nhận nhập kế hoạch' })).toBeDisabled();
  await alert.getByRole('button', { name: 'Mở kế hoạch 148/KH-UBND' }).click();
  await expect(page.getByRole('heading', { name: 'Kế hoạch 148/KH-UBND', level: 2 })).toBeVisible();
});

test('cán bộ báo cáo xem được kế hoạch nhưng không nhập được', async ({ page }) => {
  await logIn(page, 'taichinh');
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(nav.getByRole('link', { name: 'Nhập kế hoạch' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  // Other tests may have imported plans whose rows also mention 148/KH-UBND: the plan's own link.
  await expect(page.getByRole('link', { name: '148/KH-UBND', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nhập kế hoạch từ văn bản' })).toHaveCount(0);

  await page.getByRole('link', { name: '148/KH-UBND', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kế hoạch 148/KH-UBND', level: 2 })).toBeVisible();

  await page.goto('/ke-hoach/nhap');
  await expect(page.getByText(FORBIDDEN_TEXT)).toBeVisible();
});

test('cán bộ tổng hợp nhập kế hoạch từ tệp PDF: bảng nhiệm vụ được dựng lại theo cột', async ({ page }) => {
  const pdf = fileURLToPath(new URL('../fixtures/pdf/plan-borderless.pdf', import.meta.url));
  await logIn(page, 'congthuong');
  await page.goto('/ke-hoach/nhap');
  await expect(page.getByRole('heading', { name: 'Nhập kế hoạch từ văn bản', level: 2 })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(pdf);
  // The first PDF after a server start loads the PDF reader: allow it more than a text file's time.
  await expect(page).toHaveURL(/\/ke-hoach\/nhap\/\d+$/, { timeout: 45_000 });
  // The PDF's text, with its table rebuilt into cells, is shown beside the draft read from it.
  await expect(page.getByTestId('source-text')).toContainText('Cơ quan phối hợp');
  const tasks = page.getByRole('tabpanel');
  await expect(tasks.getByRole('row')).toHaveCount(4); // header + 3 tasks
  await expect(tasks.getByRole('row').filter({ hasText: 'Tập huấn kỹ năng bán hàng' })).toContainText(
    'Liên minh Hợp tác xã tỉnh',
  );
  await expect(tasks.getByRole('row').filter({ hasText: 'Xây dựng sàn giao dịch' })).toContainText(
    'Quý II/2025',
  );
});
