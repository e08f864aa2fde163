import { describe, expect, it } from 'vitest';
import { filterFromParams, filterToParams, hasActiveFilter } from './taskFilterParams';

describe('task list address bar', () => {
  it('reads the dashboard’s drill-down link: status, agency, task group and year', () => {
    const f = filterFromParams(
      new URLSearchParams('status=overdue&organisationId=12&group=Nhóm%20I&year=2025&groupKey=so_ban_nganh'),
    );
    expect(f).toMatchObject({
      status: 'overdue',
      organisationId: 12,
      group: 'Nhóm I',
      year: 2025,
      groupKey: 'so_ban_nganh',
      page: 1,
    });
    expect(hasActiveFilter(f)).toBe(true);
    expect(filterToParams(f)).toEqual({
      status: 'overdue',
      organisationId: '12',
      group: 'Nhóm I',
      year: '2025',
      groupKey: 'so_ban_nganh',
    });
  });

  it('keeps a sort other than the plan’s order, and ignores values the API would refuse', () => {
    const f = filterFromParams(new URLSearchParams('sort=deadline&order=desc&status=late&year=abc'));
    expect(f.sort).toBe('deadline');
    expect(f.order).toBe('desc');
    expect(f.status).toBeUndefined();
    expect(f.year).toBeUndefined();
    // Sorting alone does not narrow the list.
    expect(hasActiveFilter(f)).toBe(false);
    expect(filterToParams(filterFromParams(new URLSearchParams('sort=ordinal&order=asc')))).toEqual({});
  });

  it('filters a reorganised agency as it is now unless the link asks for the plan’s wording', () => {
    expect(filterFromParams(new URLSearchParams('organisationId=3')).agencyAs).toBe('now');
    const asPlan = filterFromParams(new URLSearchParams('organisationId=3&agencyAs=plan'));
    expect(asPlan.agencyAs).toBe('plan');
    expect(filterToParams(asPlan)).toEqual({ organisationId: '3', agencyAs: 'plan' });
    expect(filterToParams(filterFromParams(new URLSearchParams('organisationId=3')))).toEqual({
      organisationId: '3',
    });
  });
});
