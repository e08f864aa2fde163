/** Kinds of agency in a province's administrative system. Codes are stable; labels are what users read. */
export const ORGANISATION_KINDS = [
  'ubnd_tinh',
  'so',
  'ban',
  'ubnd_huyen',
  'ubnd_xa',
  'doan_the',
  'bao_dai',
  'doanh_nghiep',
  'khac',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  ubnd_tinh: 'UBND tỉnh',
  so: 'Sở',
  ban: 'Ban',
  ubnd_huyen: 'UBND cấp huyện',
  ubnd_xa: 'UBND cấp xã',
  doan_the: 'Đoàn thể, hiệp hội',
  bao_dai: 'Báo, đài',
  doanh_nghiep: 'Doanh nghiệp',
  khac: 'Khác',
};
