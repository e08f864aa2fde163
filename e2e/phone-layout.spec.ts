import { expect, type Page, test } from '@playwright/test';
import { logIn } from './support/session';

/*
 * planwatch on a phone held upright (390×844, an iPhone 12–15): the menu is a drawer opened from the
 * header, wide tables are lists of cards, and no page scrolls sideways.
 */

test.use({ viewport: { width: 390, height: 844 } });

const STATE = /Đang soạn|Đã gửi, chờ tiếp nhận|Đã tiếp nhận|Bị trả lại/;

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // Let the list render before measuring: a table would have widened the page by now.
  await page.waitForLoadState('networkidle');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Opens the drawer from the header and follows one of its entries. */
async function goByMenu(page: Page, entry: string): Promise<void> {
  await page.getByRole('button', { name: 'Mở menu' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  await drawer
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: entry, exact: true })
    .click();
  await expect(drawer).toBeHidden();
}

test('a coordinator on a phone: drawer menu, the inbox as readable cards, nothing scrolls sideways', async ({
  page,
}) => {
  await logIn(page, 'congthuong');
  // No side bar taking a third of the screen: the menu is behind the header button.
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeHidden();
  await expectNoSidewaysScroll(page);
  await shoot(page, 'home');

  await page.getByRole('button', { name: 'Mở menu' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('link', { name: 'Tổng quan' })).toBeInViewport({
    ratio: 1,
  });
  await page.waitForTimeout(400); // the drawer's slide-in, for the screenshot only
  await shoot(page, 'menu-drawer');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Close|Đóng/ })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await goByMenu(page, 'Báo cáo các cơ quan');
  await expect(page.getByRole('heading', { name: 'Báo cáo của các cơ quan', level: 2 })).toBeVisible();
  // Every state, so the demo's drafts, returned and accepted reports are all on the list.
  await page.goto('/bao-cao?trang-thai=tat-ca');
  const cards = page.getByRole('region', { name: 'Danh sách báo cáo' }).locator('.ant-list-item');
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    // The agency, the plan and the state of each report, all within the screen's width.
    const agency = card.getByRole('link').first();
    await expect(agency).toHaveText(
      /^(Sở|Ban|UBND|Công an|Bộ|Cục|Đài|Báo|Văn phòng|Trường|Liên|Hội|Tỉnh|Ủy|Kho)/,
    );
    const box = await agency.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await expect(card).toContainText(/Kế hoạch:\s*148\/KH-UBND/);
    await expect(card).toContainText(/Trạng thái:/);
    await expect(card).toContainText(STATE);
  }
  await expectNoSidewaysScroll(page);
  await shoot(page, 'inbox');

  await goByMenu(page, 'Việc của tôi');
  await expect(page.getByRole('heading', { name: 'Việc của tôi', level: 2 })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shoot(page, 'my-work');

  await goByMenu(page, 'Kế hoạch');
  const plans = page.getByRole('region', { name: 'Danh sách kế hoạch' }).locator('.ant-list-item');
  await expect(plans.first()).toContainText('Số hiệu:');
  // Lists show the title in sentence case: the published capitals do not shout.
  await expect(plans.first()).toContainText(/Kế hoạch thực hiện Nghị quyết số 07-NQ\/TU/);
  await expect(plans.first()).toContainText('tỉnh Hưng Yên');
  await expectNoSidewaysScroll(page);
  await shoot(page, 'plans');

  const planHref = await plans.first().getByRole('link').first().getAttribute('href');
  await page.goto(`${planHref}/nhiem-vu`);
  const tasks = page.getByRole('region', { name: 'Danh sách nhiệm vụ' }).locator('.ant-list-item');
  await expect(tasks.first()).toContainText('Chủ trì:');
  await expect(tasks.first()).toContainText('Thời hạn:');
  await expectNoSidewaysScroll(page);
  await shoot(page, 'tasks');

  // The plan's periods and indicators are cards too.
  await page.goto(`${planHref}/ky-bao-cao`);
  const periods = page.getByRole('region', { name: 'Danh sách kỳ báo cáo' }).locator('.ant-list-item');
  await expect(periods.first()).toContainText('Hạn nộp:');
  // Other tests may have opened ad hoc periods, listed first: the annual one is among the cards.
  await expect(periods.filter({ hasText: 'Báo cáo năm 20' }).first()).toContainText('Hạn nộp:');
  await expectNoSidewaysScroll(page);
  await shoot(page, 'periods');
  await page.goto(`${planHref}/chi-tieu`);
  const indicators = page.getByRole('region', { name: 'Danh sách chỉ số' }).locator('.ant-list-item');
  await expect(indicators.first()).toContainText('Mã:');
  await expectNoSidewaysScroll(page);
  await shoot(page, 'indicators');

  await page.goto('/thong-bao');
  await expect(page.getByRole('heading', { name: 'Thông báo', level: 2 })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shoot(page, 'notifications');
});
