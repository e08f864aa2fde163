import type { ValueKind } from '../../../shared/contracts/indicators';
import { MIN_VALUE_YEAR } from '../../../shared/contracts/indicators';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { searchKey } from '../../../shared/domain/text/normalize';

/** Why a year cannot carry a value, or null: from 1990 up to the current year (no figures for the future). */
export function yearProblem(year: number, currentYear: number): string | null {
  if (!Number.isInteger(year)) return `năm “${year}” không phải là số nguyên`;
  if (year < MIN_VALUE_YEAR || year > currentYear) {
    return `năm ${year} nằm ngoài khoảng ${MIN_VALUE_YEAR}–${currentYear}`;
  }
  return null;
}

/** Why a value does not fit the indicator's kind, or null. Growth rates may be negative; nothing else may. */
export function valueProblem(valueKind: ValueKind, value: number): string | null {
  if (!Number.isFinite(value)) return 'giá trị không phải là số';
  if (valueKind === 'rate') return value <= -100 ? 'tốc độ tăng phải lớn hơn -100%' : null;
  if (value < 0) return 'giá trị không được âm';
  if ((valueKind === 'share' || valueKind === 'percentage') && value > 100) {
    return 'tỷ trọng, tỷ lệ không được vượt quá 100%';
  }
  if (valueKind === 'count' && !Number.isInteger(value)) return 'số lượng phải là số nguyên';
  return null;
}

export const currentYearOf = (todayIso: string) => Number(todayIso.slice(0, 4));
/** Today in Vietnam: targets are judged on the Vietnamese calendar day (UTC says 30/11 until 07:00 on 01/12). */
export const todayIso = () => localDate(new Date());

/** Values invented for a demonstration say so in their source; they are flagged as samples. */
export const SAMPLE_SOURCE = 'Số liệu minh họa, không phải số liệu chính thức';
export const isSampleSource = (source: string) => searchKey(source).includes('so lieu minh hoa');
