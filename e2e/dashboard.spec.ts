import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { logIn } from './support/session';

const board = (page: Page) => page.getByTestId('dashboard');

/** The plan board's "Quá hạn" tile, once the plan's figures have loaded: its number. */
async function overdueCount(page: Page): Promise<number> {
  const tile = board(page).getByRole('link', { name: /^Quá hạn: \d+$/ });
  await expect(tile).toBeVisible();
  const label = (await tile.getAttribute('aria-label')) ?? '';
  return Number(label.replace(/\D+/g, ''));
}

test('lãnh đạo mở tổng quan, bấm vào số nhiệm vụ quá hạn và thấy đúng các nhiệm vụ đó', async ({ page }) => {
  await logIn(page, 'lanhdao');
  await expect(board(page).getByRole('button', { name: '148/KH-UBND' })).toBeVisible();
  await expect(board(page).getByRole('img', { name: /Biểu đồ nhiệm vụ theo trạng thái/ })).toBeVisible();

  const count = await overdueCount(page);
  expect(count).toBeGreaterThan(0);
  await board(page)
    .getByRole('link', { name: `Quá hạn: ${count}`, exact: true })
    .click();

  await expect(page).toHaveURL(/\/ke-hoach\/\d+\/nhiem-vu\?status=overdue/);
  await expect(page.getByRole('heading', { name: /Nhiệm vụ của kế hoạch/, level: 2 })).toBeVisible();
  await expect(page.getByText(`Tìm thấy ${count} nhiệm vụ`)).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(count);
  await expect(rows.filter({ hasText: 'Quá hạn' })).toHaveCount(count);

  await rows.first().click();
  await expect(page).toHaveURL(/\/ke-hoach\/\d+\/nhiem-vu\/\d+/);
  await expect(page.getByRole('heading', { name: /Nhiệm vụ/, level: 2 })).toBeVisible();
});

/** axe's WCAG 2.1 A and AA findings on the dashboard, one line each; and the rules that did run. */
async function accessibilityFindings(page: Page) {
  const result = await new AxeBuilder({ page })
    .include('[data-testid="dashboard"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return {
    violations: result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    passed: result.passes.map((r) => r.id),
    ran: new Set([...result.passes, ...result.incomplete, ...result.inapplicable].map((r) => r.id)),
  };
}

test('tổng quan đạt yêu cầu truy cập: nhãn, độ tương phản 4,5:1, bàn phím', async ({ page }) => {
  await logIn(page, 'lanhdao');
  await overdueCount(page);
  await expect(board(page).getByRole('img', { name: /Biểu đồ nhiệm vụ theo cơ quan chủ trì/ })).toBeVisible();
  const full = await accessibilityFindings(page);
  expect(full.violations).toEqual([]);
  // The checks that matter here did run (an empty list from rules that never ran proves nothing).
  for (const rule of ['color-contrast', 'label', 'link-name', 'button-name', 'aria-allowed-attr']) {
    expect(full.ran).toContain(rule);
  }
  expect(full.passed).toContain('color-contrast');

  // Empty lists read as well: a task group no task belongs to leaves the board's lists empty.
  const href =
    (await board(page)
      .getByRole('link', { name: /^Quá hạn: \d+$/ })
      .getAttribute('href')) ?? '';
  const planId = href.match(/\/ke-hoach\/(\d+)\//)?.[1];
  await page.goto(`/?ke-hoach=${planId}&nhom=${encodeURIComponent('Không có nhóm này')}`);
  await expect(board(page).getByText('Không có nhiệm vụ quá hạn.')).toBeVisible();
  await expect(board(page).getByRole('link', { name: 'Quá hạn: 0', exact: true })).toBeVisible();
  expect((await accessibilityFindings(page)).violations).toEqual([]);
});

test('tổng quan dùng được bằng bàn phím: Tab tới bảng kế hoạch và các số, Enter mở danh sách', async ({
  page,
}) => {
  await logIn(page, 'lanhdao');
  const count = await overdueCount(page);
  // Tab from the top of the page until the plans table's "Quá hạn" count of plan 148 has the focus.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  let reached = false;
  const seen: string[] = [];
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        label: el?.getAttribute('aria-label') ?? el?.textContent ?? '',
        inTable: Boolean(el?.closest('[data-testid="dashboard"] table')),
      };
    });
    seen.push(focused.label);
    reached = focused.inTable && /^Quá hạn: \d+ nhiệm vụ của kế hoạch 148/.test(focused.label);
  }
  expect(reached, `focus went through: ${seen.join(' | ')}`).toBe(true);
  // The plan's number (choosing the plan) came before it in the same table.
  expect(seen).toContain('148/KH-UBND');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ke-hoach\/\d+\/nhiem-vu\?status=overdue/);
  await expect(page.getByText(`Tìm thấy ${count} nhiệm vụ`)).toBeVisible();
});
