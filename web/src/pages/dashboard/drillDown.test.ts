import { describe, expect, it } from 'vitest';
import { reportInboxLink, taskListLink } from './drillDown';

describe('dashboard drill-down links', () => {
  it('opens the task list on the status clicked, within the dashboard filters', () => {
    expect(taskListLink(7, {}, { status: 'overdue' })).toBe('/ke-hoach/7/nhiem-vu?status=overdue');
    expect(
      taskListLink(7, { organisationId: 3, group: 'Nhóm A & B', year: 2026 }, { status: 'overdue' }),
    ).toBe(
      '/ke-hoach/7/nhiem-vu?status=overdue&organisationId=3&agencyAs=now&group=Nh%C3%B3m+A+%26+B&year=2026',
    );
  });

  it('narrows to the tasks an agency leads for a bar of the agency chart', () => {
    expect(taskListLink(7, { organisationId: 3 }, { status: 'done_late', leadOrganisationId: 9 })).toBe(
      '/ke-hoach/7/nhiem-vu?status=done_late&organisationId=9&agencyRole=lead&agencyAs=now',
    );
    // The board's choice "Theo cơ quan lúc giao" carries over: the list counts the agency as named.
    expect(
      taskListLink(
        7,
        { organisationId: 3, agencyAs: 'plan' },
        { status: 'done_late', leadOrganisationId: 9 },
      ),
    ).toBe('/ke-hoach/7/nhiem-vu?status=done_late&organisationId=9&agencyRole=lead&agencyAs=plan');
  });

  it('opens the inbox on every state of the period, for one agency', () => {
    expect(reportInboxLink(7, 2, 5)).toBe('/bao-cao?ke-hoach=7&ky=2&co-quan=5&trang-thai=tat-ca');
  });
});
