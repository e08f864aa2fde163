import { expect, test } from '@playwright/test';
import { logIn } from './support/session';

const SAMPLE_SOURCE = 'Số liệu minh họa, không phải số liệu chính thức';

test('cán bộ tổng hợp nhập số liệu kim ngạch xuất khẩu và thấy đánh giá chỉ tiêu thay đổi', async ({
  page,
}) => {
  await logIn(page, 'congthuong');

  // Plan 148 → its targets tab → the indicators page.
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  // The home page (a dashboard for coordinators and leaders) also links to the plan: wait for the list.
  await expect(page).toHaveURL(/\/ke-hoach$/);
  await page.getByRole('link', { name: '148/KH-UBND', exact: true }).click();
  await page.getByRole('button', { name: 'Số liệu và đánh giá thực hiện chỉ tiêu' }).click();
  await expect(page.getByRole('heading', { name: 'Chỉ tiêu và đánh giá thực hiện', level: 2 })).toBeVisible();

  // The sample IIP figures are evaluated: geometric mean of 8,82 / 10,5 / 6,35 = 8,54%/năm.
  const iipRow = page.getByRole('row').filter({ hasText: 'Chỉ số sản xuất công nghiệp' });
  await expect(iipRow).toContainText('Bình quân 2021–2023 đạt 8,54%/năm');

  await page.getByRole('link', { name: 'Kim ngạch xuất khẩu' }).click();
  await expect(page.getByRole('heading', { name: /Kim ngạch xuất khẩu/, level: 2 })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Biểu đồ số liệu Kim ngạch xuất khẩu theo năm' })).toBeVisible();

  const levelTarget = page.locator('[data-testid^="target-"]').filter({ hasText: '8,5 tỷ USD đến năm 2025' });
  const reason = levelTarget.getByTestId('evaluation-reason');
  await expect(reason).toContainText('Năm 2022 đạt 6,3 tỷ USD (số liệu sơ bộ)');
  await expect(reason).toContainText('cần tăng bình quân 10,5%/năm trong 2023–2025 để đạt 8,5 tỷ USD');

  // A 2024 estimate, marked as invented for the demo.
  await page.getByRole('button', { name: 'Thêm số liệu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm số liệu: Kim ngạch xuất khẩu' });
  await dialog.getByLabel('Năm', { exact: true }).fill('2024');
  await dialog.getByLabel(/^Giá trị/).fill('7,6');
  await dialog.getByText('Ước tính', { exact: true }).click();
  await dialog.getByLabel('Nguồn số liệu').fill(SAMPLE_SOURCE);
  await dialog.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(dialog).toBeHidden();

  // 8,5 / 7,6 − 1 = 11,84% still needed in 2025.
  await expect(reason).toContainText('Năm 2024 đạt 7,6 tỷ USD (số liệu ước tính)');
  await expect(reason).toContainText('cần tăng 11,84% trong năm 2025 để đạt 8,5 tỷ USD');
  await expect(levelTarget.locator('[data-status]')).toHaveAttribute('data-status', 'at_risk');
  const row2024 = page.getByTestId('value-row-2024');
  await expect(row2024).toContainText('7,6');
  await expect(row2024).toContainText('Số liệu minh họa');
  await expect(row2024).toContainText('Trần Thị Tổng Hợp');

  // The indicators list shows the new latest figure too.
  await page.getByRole('link', { name: 'Chỉ tiêu, chỉ số' }).click();
  const exportRow = page.getByRole('row').filter({ hasText: 'Kim ngạch xuất khẩu' });
  await expect(exportRow).toContainText('Năm 2024: 7,6 tỷ USD');

  // A strong 2024 for IIP turns "at risk" into "on track": 1,09⁵ / (1,0882 × 1,105 × 1,0635 × 1,12) → 7,43% in 2025; average 9,4%.
  await page.getByRole('link', { name: 'Chỉ số sản xuất công nghiệp' }).click();
  const iipTarget = page.locator('[data-testid^="target-"]').first();
  await expect(iipTarget.getByText('Có nguy cơ không đạt')).toBeVisible();
  await page.getByRole('button', { name: 'Thêm số liệu' }).click();
  const iipDialog = page.getByRole('dialog', { name: 'Thêm số liệu: Chỉ số sản xuất công nghiệp' });
  await iipDialog.getByLabel('Năm', { exact: true }).fill('2024');
  await iipDialog.getByLabel(/^Giá trị/).fill('12');
  await iipDialog.getByLabel('Nguồn số liệu').fill(SAMPLE_SOURCE);
  await iipDialog.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(iipTarget.getByText('Đúng tiến độ')).toBeVisible();
  await expect(iipTarget.getByTestId('evaluation-reason')).toContainText(
    'Bình quân 2021–2024 đạt 9,4%/năm (số liệu ước tính); cần tăng 7,43% trong năm 2025 để đạt 9%/năm',
  );
});

test('lãnh đạo chỉ xem, không thấy nút nhập số liệu', async ({ page }) => {
  await logIn(page, 'lanhdao');
  await page.goto('/ke-hoach');
  await page.getByRole('link', { name: '148/KH-UBND', exact: true }).click();
  await page.getByRole('button', { name: 'Số liệu và đánh giá thực hiện chỉ tiêu' }).click();
  await expect(page.getByRole('button', { name: 'Tải Excel' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nhập từ Excel' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Chỉ số sản xuất công nghiệp' }).click();
  await expect(page.getByRole('heading', { name: /Chỉ số sản xuất công nghiệp/, level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm số liệu' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sửa thông tin chỉ số' })).toHaveCount(0);
});
