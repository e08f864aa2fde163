/**
 * The pager's total in Vietnamese: "Tổng số 1.234 mục", or "Hơn 10.000 mục" when the server stopped
 * counting (lists of years of activity count up to a cap; see server/lib/bounded-count.ts).
 */
export function listTotalText(total: number, capped: boolean | undefined, noun: string): string {
  const n = total.toLocaleString('vi-VN');
  return capped ? `Hơn ${n} ${noun}` : `Tổng số ${n} ${noun}`;
}
