import { describe, expect, it } from 'vitest';
import { latestPerYear } from './latest-per-year';

describe('latestPerYear', () => {
  it('keeps the most final figure of each year, sorted by year', () => {
    expect(
      latestPerYear([
        { year: 2023, value: 7.0, status: 'estimate' },
        { year: 2022, value: 6.3, status: 'official' },
        { year: 2023, value: 7.2, status: 'official' },
        { year: 2023, value: 7.1, status: 'preliminary' }, // entered after the official figure: still loses
      ]),
    ).toEqual([
      { year: 2022, value: 6.3, status: 'official' },
      { year: 2023, value: 7.2, status: 'official' },
    ]);
  });

  it('lets a later figure of equal finality correct an earlier one', () => {
    expect(
      latestPerYear([
        { year: 2024, value: 7.4, status: 'estimate' },
        { year: 2024, value: 7.44, status: 'estimate' },
      ]),
    ).toEqual([{ year: 2024, value: 7.44, status: 'estimate' }]);
  });

  it('drops figures that are not numbers', () => {
    expect(latestPerYear([{ year: 2024, value: Number.NaN, status: 'official' }])).toEqual([]);
  });
});
