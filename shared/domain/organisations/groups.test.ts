import { describe, expect, it } from 'vitest';
import { resolveGroup } from './groups';

const orgs = [
  { id: 1, kind: 'so' as const, validFrom: '2008-01-01', validTo: '2025-02-28' }, // merged away in 2025
  { id: 2, kind: 'so' as const, validFrom: null, validTo: null },
  { id: 3, kind: 'ban' as const, validFrom: null, validTo: null },
  { id: 4, kind: 'ubnd_huyen' as const, validFrom: null, validTo: '2025-06-30' },
  { id: 5, kind: 'bao_dai' as const, validFrom: null, validTo: null },
  { id: 6, kind: 'so' as const, validFrom: '2025-03-01', validTo: null }, // successor
];

describe('named agency groups', () => {
  it('"Các sở, ban, ngành" are the departments and boards existing on the date', () => {
    expect(resolveGroup('so_ban_nganh', orgs, '2024-12-15').map((o) => o.id)).toEqual([1, 2, 3]);
    expect(resolveGroup('so_ban_nganh', orgs, '2025-12-15').map((o) => o.id)).toEqual([2, 3, 6]);
  });

  it('district committees resolve to nobody after the district level is abolished', () => {
    expect(resolveGroup('ubnd_cap_huyen', orgs, '2025-06-30').map((o) => o.id)).toEqual([4]);
    expect(resolveGroup('ubnd_cap_huyen', orgs, '2025-07-01')).toEqual([]);
  });

  it('"các đơn vị liên quan" names no one in particular', () => {
    expect(resolveGroup('don_vi_lien_quan', orgs, '2024-01-01')).toEqual([]);
  });
});

describe('groups an agency belongs to', () => {
  it('a department belongs to "Các sở, ban, ngành"; a district committee to the district group', async () => {
    const { groupsContainingKind } = await import('./groups');
    expect(groupsContainingKind('so')).toEqual(['so_ban_nganh']);
    expect(groupsContainingKind('ubnd_huyen')).toEqual(['ubnd_cap_huyen']);
    expect(groupsContainingKind('doanh_nghiep')).toEqual(['doanh_nghiep']);
    expect(groupsContainingKind('khac')).toEqual([]);
  });
});
