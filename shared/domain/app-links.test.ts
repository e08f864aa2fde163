import { describe, expect, it } from 'vitest';
import { APP_PATHS, calendarPath, fillPath, planPath, reportPath, searchPath, taskPath } from './app-links';

describe('links the server writes into notifications and e-mails', () => {
  it('are the client’s page addresses with their ids filled in', () => {
    expect(reportPath(42)).toBe('/bao-cao/42');
    expect(taskPath(3, 17)).toBe('/ke-hoach/3/nhiem-vu/17');
    expect(fillPath(APP_PATHS.indicator, { planId: 3, indicatorId: 9 })).toBe('/ke-hoach/3/chi-tieu/9');
  });

  it('refuses to build a link with a missing id rather than write "/bao-cao/:reportId" into a mail', () => {
    expect(() => fillPath(APP_PATHS.report, {})).toThrow('reportId');
  });
});

describe('links of the search results and the calendar', () => {
  it('encode the query and the agency filter', () => {
    expect(planPath(5)).toBe('/ke-hoach/5');
    expect(searchPath('sở tài chính & 50%')).toBe(`/tim-kiem?q=${encodeURIComponent('sở tài chính & 50%')}`);
    expect(calendarPath()).toBe('/lich-han');
    expect(calendarPath(12)).toBe('/lich-han?organisationId=12');
  });
});
