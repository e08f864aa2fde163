import { describe, expect, it } from 'vitest';
import { parseDeadline } from './deadline';
import { parseVietnameseNumber } from './numbers';

describe('parseDeadline', () => {
  it.each([
    ['2021', 'year', '2021-01-01', '2021-12-31'],
    ['Năm 2022', 'year', '2022-01-01', '2022-12-31'],
    ['năm 2022', 'year', '2022-01-01', '2022-12-31'],
    ['2021-2025', 'year_range', '2021-01-01', '2025-12-31'],
    ['2021 - 2025', 'year_range', '2021-01-01', '2025-12-31'],
    ['2021– 2025', 'year_range', '2021-01-01', '2025-12-31'],
    ['Từ năm 2021 đến năm 2025', 'year_range', '2021-01-01', '2025-12-31'],
    ['Hằng năm', 'recurring', null, null],
    ['Hằng\nnăm', 'recurring', null, null],
    ['Hàng năm', 'recurring', null, null],
    ['hàng năm', 'recurring', null, null],
    ['Hằng năm, 2021-2025', 'recurring', '2021-01-01', '2025-12-31'],
    ['Quý II/2022', 'quarter', '2022-04-01', '2022-06-30'],
    ['Quý IV năm 2023', 'quarter', '2023-10-01', '2023-12-31'],
    ['Quý 1/2024', 'quarter', '2024-01-01', '2024-03-31'],
    ['Tháng 6/2022', 'month', '2022-06-01', '2022-06-30'],
    ['Tháng 02/2024', 'month', '2024-02-01', '2024-02-29'],
    ['tháng 12 năm 2023', 'month', '2023-12-01', '2023-12-31'],
    ['Trước 30/6/2022', 'date', null, '2022-06-30'],
    ['30/6/2022', 'date', null, '2022-06-30'],
    ['Trước ngày 15 tháng 3 năm 2024', 'date', null, '2024-03-15'],
    ['Thường xuyên', 'continuous', null, null],
    ['thường xuyên', 'continuous', null, null],
  ])('%s → %s', (text, kind, from, to) => {
    expect(parseDeadline(text)).toEqual({ kind, from, to, text: text.replace(/\s+/g, ' ') });
  });

  it.each(['', 'Khi có yêu cầu', 'Sau khi được phê duyệt', '31/2/2022', 'Quý V/2022', 'Tháng 13/2022'])(
    'keeps "%s" as unknown text',
    (text) => {
      expect(parseDeadline(text)).toEqual({ kind: 'unknown', from: null, to: null, text });
    },
  );

  it('is insensitive to Unicode normalisation form', () => {
    expect(parseDeadline('Hằng năm'.normalize('NFD'))).toEqual(parseDeadline('Hằng năm'));
  });
});

describe('parseVietnameseNumber', () => {
  it.each([
    ['9,5', 9.5],
    ['8,5', 8.5],
    ['04', 4],
    ['1.000', 1000],
    ['1.234,5', 1234.5],
    ['9.5', 9.5],
    ['100', 100],
  ])('%s → %d', (text, value) => {
    expect(parseVietnameseNumber(text)).toBe(value);
  });

  it('refuses what is not a number', () => {
    expect(parseVietnameseNumber('9,5,6')).toBeNull();
    expect(parseVietnameseNumber('abc')).toBeNull();
  });
});
