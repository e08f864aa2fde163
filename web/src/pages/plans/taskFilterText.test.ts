import { describe, expect, it } from 'vitest';
import { describeTaskFilter } from './taskFilterText';

const facets = { products: [], groups: [], agencies: [{ id: 7, name: 'Sở Tài chính' }], years: [2025] };
const base = { page: 1, pageSize: 20 };

describe('the task filter printed as a line of text', () => {
  it('is empty when nothing narrows the list', () => {
    expect(describeTaskFilter(base, facets, 2026)).toBe('');
  });

  it('names the agency, its role, the status with its year and the search words', () => {
    expect(
      describeTaskFilter(
        { ...base, q: 'cụm công nghiệp', organisationId: 7, agencyRole: 'lead', status: 'overdue' },
        facets,
        2026,
      ),
    ).toBe('Từ khóa: “cụm công nghiệp”; Cơ quan: Sở Tài chính (chủ trì); Tình trạng năm 2026: Quá hạn');
  });

  it('names an agency group and a deadline year', () => {
    expect(describeTaskFilter({ ...base, groupKey: 'so_ban_nganh', deadlineYear: 2025 }, facets, 2026)).toBe(
      'Nhóm cơ quan: Các sở, ban, ngành; Hạn trong năm 2025',
    );
  });
});
