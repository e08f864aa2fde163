import { expect, type Page, test } from '@playwright/test';

const ADMIN = { username: 'admin', password: 'planwatch-demo' };
const REPORTER = {
  username: 'taichinh.test',
  fullName: 'Nguyễn Văn Báo Cáo',
  role: 'Cán bộ báo cáo của cơ quan',
  agency: 'Sở Tài chính',
  password: 'matkhau-123456',
};
const FORBIDDEN_TEXT = 'Bạn không có quyền truy cập trang này';

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** An account created by an administrator may have to replace its initial password first. */
async function passFirstLoginPasswordChange(page: Page, currentPassword: string): Promise<void> {
  const forced = page.getByRole('heading', { name: 'Đổi mật khẩu lần đầu' });
  const home = page.getByRole('heading', { name: 'Tổng quan', level: 2 });
  await expect(forced.or(home)).toBeVisible();
  if (await forced.isVisible()) {
    await page.getByLabel('Mật khẩu hiện tại').fill(currentPassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(`${currentPassword}-moi`);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(`${currentPassword}-moi`);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  }
  await expect(home).toBeVisible();
}

/** antd Select: open it, type to filter when it is searchable, then click the option titled exactly `text`. */
async function pickOption(page: Page, scope: ReturnType<Page['getByRole']>, label: string, text: string) {
  const select = scope.getByLabel(label, { exact: true });
  // Retried as a whole: on a busy machine the option list can re-render (search results arriving)
  // between finding an option and clicking it, leaving nothing chosen.
  await expect(async () => {
    await select.click();
    if (await select.isEditable()) await select.fill(text);
    await page
      .locator('.ant-select-dropdown:visible')
      .getByTitle(text, { exact: true })
      .first()
      .click({ timeout: 5_000 });
    await expect(scope.getByTitle(text, { exact: true })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
}

test('quản trị tạo cán bộ báo cáo; cán bộ đó không vào được trang quản trị', async ({ page }) => {
  await logIn(page, ADMIN.username, ADMIN.password);
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link', { name: 'Người dùng' }).click();
  await expect(page.getByRole('heading', { name: 'Người dùng', level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Tên đăng nhập').fill(REPORTER.username);
  await dialog.getByLabel('Họ và tên').fill(REPORTER.fullName);
  await pickOption(page, dialog, 'Vai trò', REPORTER.role);
  await pickOption(page, dialog, 'Cơ quan', REPORTER.agency);
  await dialog.getByLabel('Mật khẩu ban đầu').fill(REPORTER.password);
  await dialog.getByRole('button', { name: 'Thêm người dùng' }).click();
  await expect(dialog).toBeHidden();

  // Search first: the sample data may hold more users than fit on the first page.
  await page.getByLabel('Tìm người dùng').fill(REPORTER.username);
  await page.getByRole('button', { name: 'Tìm' }).click();
  const row = page.getByRole('row').filter({ hasText: REPORTER.username });
  await expect(row).toBeVisible();
  await expect(row).toContainText(REPORTER.fullName);
  await expect(row).toContainText(REPORTER.agency);
  await expect(row).toContainText(REPORTER.role);
  await expect(row).toContainText('Đang hoạt động');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/dang-nhap$/);

  await logIn(page, REPORTER.username, REPORTER.password);
  await passFirstLoginPasswordChange(page, REPORTER.password);
  await expect(page.getByTestId('current-user')).toContainText(REPORTER.fullName);
  await expect(nav.getByRole('link', { name: 'Cơ quan, đơn vị' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Người dùng' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Nhật ký thay đổi' })).toHaveCount(0);

  await page.goto('/nguoi-dung');
  await expect(page.getByText(FORBIDDEN_TEXT)).toBeVisible();
  await page.goto('/nhat-ky');
  await expect(page.getByText(FORBIDDEN_TEXT)).toBeVisible();
});
