/** Year handling for evaluation: reading today's year and writing lists of years the Vietnamese way. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The year of an ISO date; a malformed `today` is a caller bug, so it throws rather than guesses. */
export function yearOfIsoDate(iso: string): number {
  const m = ISO_DATE.exec(iso);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (m === null || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new RangeError(`Ngày không hợp lệ, cần dạng YYYY-MM-DD: "${iso}"`);
  }
  return Number(m[1]);
}

export function yearsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** [2021, 2022, 2023] → "2021–2023"; [2022, 2024, 2025] → "2022, 2024–2025". */
export function formatYearSpan(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const year of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || prev === undefined) break;
    if (year === prev + 1) {
      prev = year;
      continue;
    }
    runs.push(start === prev ? String(start) : `${start}–${prev}`);
    start = year;
    prev = year;
  }
  return runs.join(', ');
}

/** "trong năm 2025" for one year, "trong 2024–2025" for several. */
export function duringYears(years: readonly number[]): string {
  return years.length === 1 ? `trong năm ${formatYearSpan(years)}` : `trong ${formatYearSpan(years)}`;
}
