import { expect, type Locator, type Page } from '@playwright/test';

/** dd/mm/yyyy of a day counted from today, as the date pickers take it. */
export function viDate(daysFromToday: number): string {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export async function chooseRadio(scope: Locator, name: string): Promise<void> {
  // The dialog may still be opening (its animation) when the first click lands: click until checked.
  await expect(async () => {
    await scope
      .locator('label')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
    await expect(scope.getByRole('radio', { name })).toBeChecked({ timeout: 2_000 });
  }).toPass();
}

/**
 * Opens an ad-hoc period titled `title` on the demo plan, as its coordinator does on the periods page:
 * a test gets draft reports of its own, and the demo's sample reports stay as they are.
 */
export async function openAdHocPeriod(page: Page, title: string): Promise<void> {
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
  await dialog.getByLabel('Tiêu đề').fill(title);
  const due = dialog.getByLabel('Hạn nộp báo cáo');
  await due.click();
  await due.fill(viDate(20));
  await due.press('Enter');
  await dialog.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
  await expect(dialog).toBeHidden();
  // The demo's plan gives tasks to the districts (abolished 1/7/2025): the period opens with a warning
  // that nobody reports on them, which the coordinator acknowledges.
  const warning = page.getByRole('dialog').filter({ hasText: 'Có nhiệm vụ không giao được cho cơ quan nào' });
  await warning.getByRole('button', { name: 'Đã hiểu' }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText('Đang mở');
}
