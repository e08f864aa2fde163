import { describe, expect, it } from 'vitest';
import {
  type AgencyMatch,
  agencyKey,
  matchAgency,
  type RegistryEntry,
  splitAgencyList,
  UNCERTAIN_BELOW,
} from './match';

const NAMES = [
  'Sở Công Thương',
  'Sở Kế hoạch và Đầu tư',
  'Sở Tài chính',
  'Sở Tài nguyên và Môi trường',
  'Sở Khoa học và Công nghệ',
  'Sở Lao động - Thương binh và Xã hội',
  'Ban Quản lý các khu công nghiệp tỉnh',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Thông tin và Truyền thông',
  'Báo Hưng Yên',
  'Đài Phát thanh và Truyền hình Hưng Yên',
  'Hiệp hội doanh nghiệp tỉnh',
  'UBND tỉnh',
  'UBND thành phố Hưng Yên',
  'UBND thị xã Mỹ Hào',
  'UBND huyện Văn Lâm',
  'UBND huyện Văn Giang',
  'UBND huyện Yên Mỹ',
  'UBND huyện Khoái Châu',
  'UBND huyện Ân Thi',
  'UBND huyện Kim Động',
  'UBND huyện Phù Cừ',
  'UBND huyện Tiên Lữ',
];

const REGISTRY: RegistryEntry[] = NAMES.map((name, i) => ({
  id: i + 1,
  code: `ORG${i + 1}`,
  name,
  aliases: name === 'Sở Công Thương' ? ['SCT'] : name === 'Sở Tài chính' ? ['Sở Tài chánh'] : [],
}));

const idOf = (name: string) => REGISTRY.find((e) => e.name === name)?.id;

function expectOrganisation(match: AgencyMatch, name: string, confidence?: number) {
  expect(match.kind).toBe('organisation');
  if (match.kind !== 'organisation') return;
  expect(match.organisationId).toBe(idOf(name));
  expect(match.name).toBe(name);
  if (confidence !== undefined) expect(match.confidence).toBe(confidence);
}

describe('matchAgency: exact names, however written', () => {
  it.each([
    ['Sở Công Thương', 'Sở Công Thương'],
    ['sở công thương', 'Sở Công Thương'],
    ['SỞ CÔNG THƯƠNG', 'Sở Công Thương'],
    ['So Cong Thuong', 'Sở Công Thương'],
    ['Sở\nCông Thương', 'Sở Công Thương'],
    ['Sở   Công  Thương', 'Sở Công Thương'],
    ['Sở Công Thương:', 'Sở Công Thương'],
    ['Sở Công Thương.', 'Sở Công Thương'],
    ['Sở Công Thương;', 'Sở Công Thương'],
    ['Sở Công Thương,', 'Sở Công Thương'],
    ['Sở Công Thương'.normalize('NFD'), 'Sở Công Thương'],
    ['Sở Tài Nguyên & Môi Trường', 'Sở Tài nguyên và Môi trường'],
    ['Sở Giao thông Vận tải', 'Sở Giao thông vận tải'],
    ['Đài phát thanh và Truyền hình Hưng Yên', 'Đài Phát thanh và Truyền hình Hưng Yên'],
    ['Dai Phat thanh va Truyen hinh Hung Yen', 'Đài Phát thanh và Truyền hình Hưng Yên'],
  ])('%j → %s', (raw, name) => {
    expectOrganisation(matchAgency(raw, REGISTRY), name, 1);
  });
});

describe('matchAgency: abbreviations both ways', () => {
  it.each([
    ['Sở KH&ĐT', 'Sở Kế hoạch và Đầu tư'],
    ['Sở KHĐT', 'Sở Kế hoạch và Đầu tư'],
    ['Sở KH và ĐT', 'Sở Kế hoạch và Đầu tư'],
    ['Sở TN&MT', 'Sở Tài nguyên và Môi trường'],
    ['Sở TNMT', 'Sở Tài nguyên và Môi trường'],
    ['Sở LĐ-TB&XH', 'Sở Lao động - Thương binh và Xã hội'],
    ['Sở LĐTBXH', 'Sở Lao động - Thương binh và Xã hội'],
    ['Sở Lao động, Thương binh và Xã hội', 'Sở Lao động - Thương binh và Xã hội'],
    ['Sở KH&CN', 'Sở Khoa học và Công nghệ'],
    ['Sở NN&PTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
    ['Sở TT&TT', 'Sở Thông tin và Truyền thông'],
    ['Sở GTVT', 'Sở Giao thông vận tải'],
    ['BQL các KCN tỉnh', 'Ban Quản lý các khu công nghiệp tỉnh'],
    ['Ban Quản lý các KCN tỉnh', 'Ban Quản lý các khu công nghiệp tỉnh'],
    ['Ban Quản lý KCN tỉnh', 'Ban Quản lý các khu công nghiệp tỉnh'],
    ['Đài PTTH Hưng Yên', 'Đài Phát thanh và Truyền hình Hưng Yên'],
    ['Ủy ban nhân dân tỉnh', 'UBND tỉnh'],
    ['Uỷ ban nhân dân tỉnh', 'UBND tỉnh'],
    ['UBND TP Hưng Yên', 'UBND thành phố Hưng Yên'],
    ['Ủy ban nhân dân huyện Văn Lâm', 'UBND huyện Văn Lâm'],
    ['UBND TX Mỹ Hào', 'UBND thị xã Mỹ Hào'],
  ])('%j → %s', (raw, name) => {
    expectOrganisation(matchAgency(raw, REGISTRY), name, 1);
  });

  it('expands abbreviations in the registry too', () => {
    const registry: RegistryEntry[] = [{ id: 7, code: 'SKHDT', name: 'Sở KH&ĐT', aliases: [] }];
    expect(matchAgency('Sở Kế hoạch và Đầu tư', registry)).toMatchObject({
      kind: 'organisation',
      organisationId: 7,
      confidence: 1,
    });
  });

  it('uses aliases and codes with a slightly lower confidence', () => {
    expectOrganisation(matchAgency('SCT', REGISTRY), 'Sở Công Thương', 0.95);
    expectOrganisation(matchAgency('Sở Tài chánh', REGISTRY), 'Sở Tài chính', 0.95);
    expectOrganisation(matchAgency('org3', REGISTRY), 'Sở Tài chính', 0.95);
  });

  it('spells out the abbreviations in the comparison key', () => {
    expect(agencyKey('Sở LĐ-TB&XH')).toBe('so lao dong thuong binh va xa hoi');
    expect(agencyKey('Đài PTTH')).toBe('dai phat thanh va truyen hinh');
    expect(agencyKey('UBND')).toBe('uy ban nhan dan');
  });
});

describe('matchAgency: fuzzy matches are marked uncertain', () => {
  it('accepts a typo with a confidence below exact', () => {
    const match = matchAgency('Sở Công Thươg', REGISTRY);
    expectOrganisation(match, 'Sở Công Thương');
    expect(match.confidence).toBeLessThan(0.95);
    expect(match.confidence).toBeGreaterThanOrEqual(UNCERTAIN_BELOW);
  });

  it('matches a name with the province appended', () => {
    const match = matchAgency('Sở Công Thương tỉnh Hưng Yên', REGISTRY);
    expectOrganisation(match, 'Sở Công Thương');
    expect(match.confidence).toBeLessThan(1);
  });

  it('never confuses two districts with a confident match', () => {
    const match = matchAgency('UBND huyện Văn Lâmm', REGISTRY);
    expectOrganisation(match, 'UBND huyện Văn Lâm');
    const other = matchAgency('UBND huyện Văn Hải', REGISTRY);
    expect(other.confidence).toBeLessThan(UNCERTAIN_BELOW);
  });
});

describe('matchAgency: groups', () => {
  it.each([
    ['Các sở, ban, ngành', 'so_ban_nganh'],
    ['Các Sở, ngành', 'so_ban_nganh'],
    ['các sở, ban, ngành tỉnh', 'so_ban_nganh'],
    ['Các Sở, ngành, đoàn thể, hiệp hội', 'so_ban_nganh'],
    ['UBND các huyện, thị xã, thành phố', 'ubnd_cap_huyen'],
    ['UBND huyện, thị xã, thành phố', 'ubnd_cap_huyen'],
    ['Ủy ban nhân dân các huyện, thị xã,\nthành phố', 'ubnd_cap_huyen'],
    ['UBND cấp huyện', 'ubnd_cap_huyen'],
    ['UBND các xã, phường, thị trấn', 'ubnd_cap_xa'],
    ['các đơn vị liên quan', 'don_vi_lien_quan'],
    ['các cơ quan liên quan', 'don_vi_lien_quan'],
    ['Các cơ quan, đơn vị có liên quan', 'don_vi_lien_quan'],
    ['Các đoàn thể, hiệp hội', 'doan_the_hiep_hoi'],
    ['Các cơ quan báo, đài', 'bao_dai'],
  ])('%j → %s', (raw, groupKey) => {
    expect(matchAgency(raw, REGISTRY)).toEqual({ raw, kind: 'group', groupKey, confidence: 1 });
  });
});

describe('matchAgency: unknown names', () => {
  it('proposes the cleaned name for a new agency', () => {
    expect(matchAgency('  Công an tỉnh; ', REGISTRY)).toEqual({
      raw: '  Công an tỉnh; ',
      kind: 'unknown',
      proposedName: 'Công an tỉnh',
      confidence: 0,
    });
    expect(matchAgency('Các Trường', REGISTRY).kind).toBe('unknown');
  });

  it('answers unknown for empty text and an empty registry', () => {
    expect(matchAgency('', REGISTRY)).toMatchObject({ kind: 'unknown', confidence: 0 });
    expect(matchAgency(' ; ', REGISTRY)).toMatchObject({ kind: 'unknown', proposedName: '' });
    expect(matchAgency('Sở Công Thương', [])).toMatchObject({
      kind: 'unknown',
      proposedName: 'Sở Công Thương',
    });
  });
});

describe('splitAgencyList', () => {
  it.each([
    [
      'Các sở, ban, ngành, UBND các huyện, thị xã, thành phố',
      ['Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố'],
    ],
    [
      'Các\nsở, ban, ngành, UBND các huyện, thị xã, thành phố, các DN',
      ['Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố', 'các DN'],
    ],
    ['Sở Tài chính; Sở Kế hoạch và Đầu tư', ['Sở Tài chính', 'Sở Kế hoạch và Đầu tư']],
    [
      'Sở Lao động, Thương binh và Xã hội, Sở Tài chính',
      ['Sở Lao động, Thương binh và Xã hội', 'Sở Tài chính'],
    ],
    ['Sở Văn hóa, Thể thao và Du lịch', ['Sở Văn hóa, Thể thao và Du lịch']],
    ['Sở Công Thương và các đơn vị liên quan', ['Sở Công Thương', 'các đơn vị liên quan']],
    ['Báo Hưng Yên, Đài PTTH Hưng Yên', ['Báo Hưng Yên', 'Đài PTTH Hưng Yên']],
    ['Các cơ quan, đơn vị liên quan', ['Các cơ quan, đơn vị liên quan']],
    ['Sở Kế hoạch và Đầu tư', ['Sở Kế hoạch và Đầu tư']],
    ['', []],
    [' ; , ', []],
  ])('%j', (text, parts) => {
    expect(splitAgencyList(text)).toEqual(parts);
  });

  it('gives pieces the matcher resolves', () => {
    const matches = splitAgencyList('Các sở, ban, ngành, UBND các huyện, thị xã, thành phố; Sở TN&MT').map(
      (raw) => matchAgency(raw, REGISTRY),
    );
    expect(matches.map((m) => m.kind)).toEqual(['group', 'group', 'organisation']);
  });
});
