import { describe, expect, it } from 'vitest';
import { listTotalText } from './listTotal';

describe('the pager total of a list counted up to a cap', () => {
  it('says the exact total with Vietnamese separators', () => {
    expect(listTotalText(1234, false, 'mục')).toBe('Tổng số 1.234 mục');
  });
  it('says "more than" when the server stopped counting', () => {
    expect(listTotalText(10_000, true, 'thông báo')).toBe('Hơn 10.000 thông báo');
  });
});
