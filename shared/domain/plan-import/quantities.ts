import { parseVietnameseNumber } from './numbers';

/** How a unit is read: percentages and their kin, amounts (levels), and counted things. */
type UnitFamily = 'percent' | 'percent_per_year' | 'amount' | 'count';

interface UnitSpec {
  pattern: string;
  family: UnitFamily;
  /** The unit as stored; null keeps the words as written (lowercased). */
  canonical: string | null;
}

/* Longest forms first: "nghìn tỷ đồng" must win over "tỷ đồng", "%/năm" over "%". */
const UNITS: readonly UnitSpec[] = [
  { pattern: String.raw`%\s*\/\s*năm`, family: 'percent_per_year', canonical: '%/năm' },
  { pattern: '%', family: 'percent', canonical: '%' },
  { pattern: '(?:nghìn|ngàn) tỷ đồng', family: 'amount', canonical: 'nghìn tỷ đồng' },
  { pattern: 'tỷ đồng', family: 'amount', canonical: 'tỷ đồng' },
  { pattern: 'triệu đồng', family: 'amount', canonical: 'triệu đồng' },
  { pattern: 'tỷ USD', family: 'amount', canonical: 'tỷ USD' },
  { pattern: 'triệu USD', family: 'amount', canonical: 'triệu USD' },
  { pattern: String.raw`USD\s*\/\s*người`, family: 'amount', canonical: 'USD/người' },
  { pattern: 'USD', family: 'amount', canonical: 'USD' },
  { pattern: 'MW', family: 'amount', canonical: 'MW' },
  { pattern: 'ha', family: 'amount', canonical: 'ha' },
  { pattern: 'km', family: 'amount', canonical: 'km' },
  { pattern: 'tấn', family: 'amount', canonical: 'tấn' },
  { pattern: 'khu công nghiệp', family: 'count', canonical: 'KCN' },
  { pattern: 'KCN', family: 'count', canonical: 'KCN' },
  { pattern: 'cụm công nghiệp', family: 'count', canonical: 'CCN' },
  { pattern: 'CCN', family: 'count', canonical: 'CCN' },
  // Counted things plans set targets for ("05 lớp đào tạo nghề", "10-12 xã, phường", "8-10 mô hình").
  { pattern: 'lớp (?:đào tạo nghề|đào tạo|tập huấn|bồi dưỡng|học)', family: 'count', canonical: null },
  { pattern: 'lớp', family: 'count', canonical: null },
  { pattern: 'xã,\\s*phường(?:,\\s*thị trấn)?', family: 'count', canonical: null },
  { pattern: 'mô hình', family: 'count', canonical: null },
  { pattern: 'hội nghị', family: 'count', canonical: null },
  { pattern: 'lượt(?: người)?', family: 'count', canonical: null },
  { pattern: 'khóa(?: đào tạo| học)?', family: 'count', canonical: null },
  { pattern: 'câu lạc bộ', family: 'count', canonical: null },
  { pattern: 'học viên', family: 'count', canonical: null },
  { pattern: 'hộ(?: gia đình)?', family: 'count', canonical: null },
  { pattern: 'phường', family: 'count', canonical: null },
  { pattern: 'thôn', family: 'count', canonical: null },
  { pattern: 'trường', family: 'count', canonical: null },
  { pattern: 'chợ', family: 'count', canonical: null },
  { pattern: 'doanh nghiệp', family: 'count', canonical: null },
  { pattern: 'dự án', family: 'count', canonical: null },
  { pattern: 'làng nghề', family: 'count', canonical: null },
  { pattern: 'sản phẩm(?: OCOP)?', family: 'count', canonical: null },
  { pattern: 'hợp tác xã', family: 'count', canonical: null },
  { pattern: 'cơ sở', family: 'count', canonical: null },
  { pattern: 'lao động', family: 'count', canonical: null },
  { pattern: 'việc làm', family: 'count', canonical: null },
  { pattern: 'người', family: 'count', canonical: null },
  { pattern: 'xã', family: 'count', canonical: null },
];

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const UNIT = UNITS.map((u) => `(?:${u.pattern})`).join('|');
/* A number glued to a letter, slash or dot belongs to a code ("07-NQ/TU", "4.1"), not to a quantity. */
const QUANTITY = new RegExp(
  String.raw`(?<![\p{L}\d/.,])(${NUMBER})\s*(?:(${UNIT})\s*)?(?:-|–|—|đến)\s*(${NUMBER})\s*(${UNIT})(?![\p{L}\d])|(?<![\p{L}\d/.,])(${NUMBER})\s*(${UNIT})(?![\p{L}\d])`,
  'gu',
);

export interface Quantity {
  start: number;
  end: number;
  low: number;
  high: number;
  family: UnitFamily;
  unit: string;
  /** The unit words as written ("khu công nghiệp"), used to name what is counted. */
  unitText: string;
}

function unitSpec(text: string): UnitSpec | null {
  return UNITS.find((u) => new RegExp(`^(?:${u.pattern})$`, 'u').test(text)) ?? null;
}

/** Every "number + unit" and "number–number + unit" in a clause, in order. */
export function findQuantities(clause: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of clause.matchAll(QUANTITY)) {
    const isRange = m[1] !== undefined;
    const lowText = isRange ? m[1] : m[5];
    const highText = isRange ? m[3] : m[5];
    const unitText = (isRange ? m[4] : m[6]) ?? '';
    const spec = unitSpec(unitText);
    const low = lowText === undefined ? null : parseVietnameseNumber(lowText);
    const high = highText === undefined ? null : parseVietnameseNumber(highText);
    if (spec === null || low === null || high === null || m.index === undefined) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      low: Math.min(low, high),
      high: Math.max(low, high),
      family: spec.family,
      unit: spec.canonical ?? unitText.toLocaleLowerCase('vi'),
      unitText,
    });
  }
  return out;
}
