import { describe, expect, it } from 'vitest';
import { formatFigureVi, formatNumberVi, formatPercentVi } from './format';

describe('Vietnamese number formatting', () => {
  it.each([
    [8.5433, 2, '8,54'],
    [8.555, 2, '8,56'],
    [1.005, 2, '1,01'], // decimal rounding, not binary (1.005 is 1.00499… as a double)
    [1234.5, 1, '1.234,5'],
    [1234567.891, 2, '1.234.567,89'],
    [999.995, 2, '1.000,00'],
    [1000, 0, '1.000'],
    [100, 0, '100'],
    [0, 2, '0,00'],
    [-1234.5, 1, '-1.234,5'],
    [-0.001, 2, '0,00'], // no "-0,00"
    [9.5, 0, '10'],
  ])('formatNumberVi(%d, %d) → %s', (n, decimals, text) => {
    expect(formatNumberVi(n, decimals)).toBe(text);
  });

  it('can drop trailing zeros', () => {
    expect(formatNumberVi(9, 2, { trimZeros: true })).toBe('9');
    expect(formatNumberVi(9.5, 2, { trimZeros: true })).toBe('9,5');
    expect(formatFigureVi(8.5433)).toBe('8,54');
    expect(formatFigureVi(12500)).toBe('12.500');
  });

  it('formats percentages', () => {
    expect(formatPercentVi(8.5433, 2)).toBe('8,54%');
    expect(formatPercentVi(66)).toBe('66%');
    expect(formatPercentVi(9.7, 2, { trimZeros: true })).toBe('9,7%');
  });

  it('never prints NaN or Infinity', () => {
    expect(formatNumberVi(Number.NaN, 2)).toBe('—');
    expect(formatPercentVi(Number.POSITIVE_INFINITY)).toBe('—');
    // 1e19 shifted by two decimals needs exponent notation; it must still print as digits
    expect(formatNumberVi(1e19, 2)).toBe('10.000.000.000.000.000.000,00');
  });
});
