/**
 * Which level a proposal is addressed to, read from its words, so part IV can group them as officers
 * do: first what is asked of the central government, then of the province, then the rest.
 */
export const ADDRESSEE_GROUPS = [
  {
    key: 'central',
    heading: 'Kiến nghị với Chính phủ, Thủ tướng Chính phủ, các Bộ, ngành Trung ương',
    pattern: /\b(Chính phủ|Quốc hội|Bộ [A-ZĐÀ-Ỹ]|các Bộ|Bộ, ngành|Trung ương)/u,
  },
  {
    key: 'province',
    heading: 'Kiến nghị với Tỉnh ủy, HĐND, UBND tỉnh',
    pattern:
      /(UBND tỉnh|Ủy ban nhân dân tỉnh|Uỷ ban nhân dân tỉnh|HĐND tỉnh|Hội đồng nhân dân tỉnh|Tỉnh ủy|Tỉnh uỷ|Chủ tịch UBND)/iu,
  },
] as const;

export type AddresseeKey = (typeof ADDRESSEE_GROUPS)[number]['key'] | 'other';

export const OTHER_HEADING = 'Kiến nghị, đề xuất khác';

/** The first level the text names; a proposal naming both is filed under the higher one. */
export function addresseeOf(text: string): AddresseeKey {
  for (const g of ADDRESSEE_GROUPS) if (g.pattern.test(text)) return g.key;
  return 'other';
}
