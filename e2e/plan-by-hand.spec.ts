import { expect, test } from '@playwright/test';
import { logIn } from './support/session';

/*
 * Issue 13 item 5: a plan that never had a document that imports well is entered by hand. The
 * coordinator starts an empty plan from the plan list, fills in its header, pastes five task rows copied
 * from a spreadsheet (a header row, a group row, a cell on two lines), saves, finds the draft whole after
 * a reload, confirms through the usual review and sees the plan's tasks.
 */
test('cán bộ tổng hợp tạo kế hoạch bằng tay, dán bảng nhiệm vụ từ Excel rồi xác nhận', async ({ page }) => {
  const tag = Date.now().toString(36);
  const number = `${tag}/KH-UBND`;
  const rows = [
    'STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm',
    'I\tNhiệm vụ chung\t\t\t\t',
    `1\t"Xây dựng đề án ${tag}\nphát triển cụm công nghiệp"\tSở Công Thương\tSở Tài chính\tNăm 2026\tĐề án`,
    `2\tRà soát quy hoạch ${tag}\tSở Công Thương\t\tQuý II/2026\tBáo cáo`,
    'II. Nhiệm vụ cụ thể\t\t\t\t\t',
    `1\tTuyên truyền kế hoạch ${tag}\tSở Công Thương\tSở Tài chính\tHằng năm\tTin, bài`,
  ].join('\r\n');

  await logIn(page, 'congthuong');
  await page.goto('/ke-hoach');
  await page.getByRole('button', { name: 'Tạo kế hoạch mới' }).click();
  await expect(page).toHaveURL(/\/ke-hoach\/tao-moi\/\d+$/);
  await expect(page.getByRole('heading', { name: /Tạo kế hoạch mới/ })).toBeVisible();
  // The missing required fields are listed, and confirming waits for them.
  await expect(page.getByText('Trích yếu (tên kế hoạch): vui lòng nhập tên kế hoạch')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xác nhận tạo kế hoạch' })).toBeDisabled();

  await page.getByLabel('Số hiệu').fill(number);
  await page.getByLabel('Cơ quan ban hành').fill('UBND tỉnh');
  await page.getByLabel('Trích yếu (tên kế hoạch)').fill(`Kế hoạch nhập tay ${tag} giai đoạn 2026-2030`);
  await page.getByLabel('Thực hiện từ năm').fill('2026');
  await page.getByLabel('Thực hiện đến năm').fill('2030');

  await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
  await page.getByRole('button', { name: 'Dán từ bảng tính' }).click();
  const paste = page.getByRole('dialog', { name: 'Dán bảng nhiệm vụ từ bảng tính' });
  await paste.getByLabel('Bảng nhiệm vụ dán từ bảng tính').fill(rows);
  await expect(paste.getByText('Dòng 1 là tiêu đề cột. Đọc được 3 nhiệm vụ.')).toBeVisible();
  await paste.getByRole('button', { name: 'Thêm 3 nhiệm vụ' }).click();
  // Two more rows, without a header, continuing the last group; one deadline the system cannot read.
  await page.getByRole('button', { name: 'Dán từ bảng tính' }).click();
  await paste
    .getByLabel('Bảng nhiệm vụ dán từ bảng tính')
    .fill(
      `2\tBan hành quy chế ${tag}\tSở Công Thương\t\t30/6/2026\tQuyết định\n3\tTổng kết ${tag}\tSở Công Thương\t\tcuối năm sau\t`,
    );
  await expect(
    paste.getByText('Dòng 2, cột Thời gian hoàn thành: không hiểu “cuối năm sau” (vẫn thêm, sửa sau)'),
  ).toBeVisible();
  await paste.getByRole('button', { name: 'Thêm 2 nhiệm vụ' }).click();
  await expect(page.getByRole('tab', { name: /Nhiệm vụ \(5\)/ })).toBeVisible();

  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByText('Đã lưu bản nháp.')).toBeVisible();
  // Nothing is lost on reload.
  await page.reload();
  await expect(page.getByLabel('Số hiệu')).toHaveValue(number);
  await expect(page.getByRole('tab', { name: /Nhiệm vụ \(5\)/ })).toBeVisible();

  await page.getByRole('button', { name: 'Xác nhận tạo kế hoạch' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: 'vẫn xác nhận?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Xác nhận nhập' }).click();
  await expect(page).toHaveURL(/\/ke-hoach\/\d+$/);
  await expect(page.getByText(number).first()).toBeVisible();

  await page.goto(`${page.url()}/nhiem-vu`);
  await expect(page.getByText(`Xây dựng đề án ${tag} phát triển cụm công nghiệp`)).toBeVisible();
  await expect(page.getByText(`Tuyên truyền kế hoạch ${tag}`)).toBeVisible();
  await expect(page.getByText(`Tổng kết ${tag}`)).toBeVisible();
});
