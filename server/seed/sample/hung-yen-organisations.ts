import type { OrganisationKind } from '../../../shared/domain/organisations/kinds';

/**
 * Sample data: agencies of Hưng Yên named in plan 148/KH-UBND, with the 2025 reorganisation
 * (departments merged from 1/3/2025, district level abolished from 1/7/2025, Thái Bình merged into
 * Hưng Yên from 1/7/2025). Dates are those of the public merger resolutions; where a date is not
 * known the agency is left open-ended rather than given an invented one.
 */
export interface SampleOrganisation {
  code: string;
  name: string;
  shortName?: string;
  kind: OrganisationKind;
  validFrom?: string;
  validTo?: string;
  successor?: string;
  aliases?: string[];
}

const MERGED = '2025-02-28';
const NEW_DEPT = '2025-03-01';
const DISTRICTS_END = '2025-06-30';

const district = (code: string, name: string, aliases: string[] = []): SampleOrganisation => ({
  code,
  name,
  kind: 'ubnd_huyen',
  validTo: DISTRICTS_END,
  aliases,
});

export const SAMPLE_ORGANISATIONS: SampleOrganisation[] = [
  {
    code: 'UBND_TINH',
    name: 'Ủy ban nhân dân tỉnh Hưng Yên',
    shortName: 'UBND tỉnh',
    kind: 'ubnd_tinh',
    aliases: ['UBND tỉnh'],
  },
  { code: 'SCT', name: 'Sở Công Thương', shortName: 'SCT', kind: 'so' },
  { code: 'STC', name: 'Sở Tài chính', shortName: 'STC', kind: 'so' },
  {
    code: 'SKHDT',
    name: 'Sở Kế hoạch và Đầu tư',
    shortName: 'Sở KH&ĐT',
    kind: 'so',
    validTo: MERGED,
    successor: 'STC',
    aliases: ['Sở KH&ĐT', 'Sở KHĐT'],
  },
  { code: 'SNV', name: 'Sở Nội vụ', shortName: 'SNV', kind: 'so' },
  {
    code: 'SLDTBXH',
    name: 'Sở Lao động - Thương binh và Xã hội',
    shortName: 'Sở LĐ-TB&XH',
    kind: 'so',
    validTo: MERGED,
    successor: 'SNV',
    aliases: ['Sở LĐ-TB&XH', 'Sở LĐTBXH', 'Sở Lao động, Thương binh và Xã hội'],
  },
  {
    code: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    shortName: 'Sở NN&MT',
    kind: 'so',
    validFrom: NEW_DEPT,
  },
  {
    code: 'STNMT',
    name: 'Sở Tài nguyên và Môi trường',
    shortName: 'Sở TN&MT',
    kind: 'so',
    validTo: MERGED,
    successor: 'SNNMT',
    aliases: ['Sở TN&MT', 'Sở TNMT'],
  },
  {
    code: 'SNNPTNT',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    shortName: 'Sở NN&PTNT',
    kind: 'so',
    validTo: MERGED,
    successor: 'SNNMT',
    aliases: ['Sở NN&PTNT', 'Sở NNPTNT'],
  },
  {
    code: 'SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    shortName: 'Sở KH&CN',
    kind: 'so',
    aliases: ['Sở KH&CN'],
  },
  {
    code: 'STTTT',
    name: 'Sở Thông tin và Truyền thông',
    shortName: 'Sở TT&TT',
    kind: 'so',
    validTo: MERGED,
    successor: 'SKHCN',
    aliases: ['Sở TT&TT'],
  },
  { code: 'SXD', name: 'Sở Xây dựng', shortName: 'SXD', kind: 'so' },
  {
    code: 'SGTVT',
    name: 'Sở Giao thông vận tải',
    shortName: 'Sở GTVT',
    kind: 'so',
    validTo: MERGED,
    successor: 'SXD',
    aliases: ['Sở GTVT'],
  },
  { code: 'STP', name: 'Sở Tư pháp', kind: 'so' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', shortName: 'Sở VHTT&DL', kind: 'so' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GD&ĐT', kind: 'so' },
  { code: 'SYT', name: 'Sở Y tế', kind: 'so' },
  {
    code: 'BQLKCN',
    name: 'Ban Quản lý các khu công nghiệp tỉnh',
    shortName: 'BQL các KCN',
    kind: 'ban',
    aliases: ['Ban Quản lý các KCN', 'BQL các KCN tỉnh'],
  },
  { code: 'BAOHY', name: 'Báo Hưng Yên', kind: 'bao_dai' },
  {
    code: 'DAIPTTH',
    name: 'Đài Phát thanh và Truyền hình Hưng Yên',
    shortName: 'Đài PTTH Hưng Yên',
    kind: 'bao_dai',
    aliases: ['Đài PTTH Hưng Yên'],
  },
  {
    code: 'HHDN',
    name: 'Hiệp hội doanh nghiệp tỉnh Hưng Yên',
    kind: 'doan_the',
    aliases: ['Hiệp hội doanh nghiệp tỉnh'],
  },
  {
    code: 'UBND_TINH_TB',
    name: 'Ủy ban nhân dân tỉnh Thái Bình',
    kind: 'ubnd_tinh',
    validTo: DISTRICTS_END,
    successor: 'UBND_TINH',
  },
  district('UBND_TP_HY', 'UBND thành phố Hưng Yên', ['UBND TP Hưng Yên']),
  district('UBND_VAN_LAM', 'UBND huyện Văn Lâm'),
  district('UBND_VAN_GIANG', 'UBND huyện Văn Giang'),
  district('UBND_YEN_MY', 'UBND huyện Yên Mỹ'),
  district('UBND_MY_HAO', 'UBND thị xã Mỹ Hào', ['UBND TX Mỹ Hào']),
  district('UBND_AN_THI', 'UBND huyện Ân Thi'),
  district('UBND_KHOAI_CHAU', 'UBND huyện Khoái Châu'),
  district('UBND_KIM_DONG', 'UBND huyện Kim Động'),
  district('UBND_TIEN_LU', 'UBND huyện Tiên Lữ'),
  district('UBND_PHU_CU', 'UBND huyện Phù Cừ'),
];
