/**
 * Every page address of the web client. The client's route table (web/src/app/routes.tsx) takes its
 * paths from here, and the server builds the links it writes into notifications and e-mails with the
 * helpers below, so a link in an e-mail always opens an existing page.
 */
export const APP_PATHS = {
  home: '/',
  login: '/dang-nhap',
  myWork: '/viec-cua-toi',
  plans: '/ke-hoach',
  planUpload: '/ke-hoach/nhap',
  planReview: '/ke-hoach/nhap/:importId',
  /** A plan entered by hand, from its empty draft to confirmation. */
  planNew: '/ke-hoach/tao-moi/:draftId',
  plan: '/ke-hoach/:planId',
  planTasks: '/ke-hoach/:planId/nhiem-vu',
  planTask: '/ke-hoach/:planId/nhiem-vu/:taskId',
  /** The review of an amending document's proposed changes (issue 13). */
  planAmendment: '/ke-hoach/:planId/dieu-chinh/:amendmentId',
  planPeriods: '/ke-hoach/:planId/ky-bao-cao',
  planIndicators: '/ke-hoach/:planId/chi-tieu',
  indicator: '/ke-hoach/:planId/chi-tieu/:indicatorId',
  reportInbox: '/bao-cao',
  report: '/bao-cao/:reportId',
  reportingRates: '/ty-le-bao-cao',
  /** The coordinator's queue of agencies' requests (extend a deadline, hand a task to another lead). */
  taskRequests: '/de-nghi',
  search: '/tim-kiem',
  calendar: '/lich-han',
  notifications: '/thong-bao',
  users: '/nguoi-dung',
  organisations: '/co-quan',
  reorganisations: '/sap-xep-to-chuc',
  audit: '/nhat-ky',
  /** A published plan's public page, read without signing in (outside the signed-in layout). */
  publicPlan: '/cong-khai/ke-hoach/:planId',
} as const;

export type AppPage = keyof typeof APP_PATHS;

/** Fills a path's ":name" placeholders, e.g. fillPath('/bao-cao/:reportId', { reportId: 7 }) = '/bao-cao/7'. */
export function fillPath(pattern: string, params: Record<string, number | string>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Thiếu tham số "${name}" cho đường dẫn ${pattern}`);
    return encodeURIComponent(String(value));
  });
}

export const planAmendmentPath = (planId: number, amendmentId: number): string =>
  fillPath(APP_PATHS.planAmendment, { planId, amendmentId });
export const reportPath = (reportId: number): string => fillPath(APP_PATHS.report, { reportId });

export const taskPath = (planId: number, taskId: number): string =>
  fillPath(APP_PATHS.planTask, { planId, taskId });

export const indicatorPath = (planId: number, indicatorId: number): string =>
  fillPath(APP_PATHS.indicator, { planId, indicatorId });
export const planPath = (planId: number): string => fillPath(APP_PATHS.plan, { planId });
export const publicPlanPath = (planId: number): string => fillPath(APP_PATHS.publicPlan, { planId });

/** The search results page for a query ("see all" from the header). */
export const searchPath = (q: string): string => `${APP_PATHS.search}?q=${encodeURIComponent(q)}`;

/** The deadline calendar, optionally filtered to one agency. */
export const calendarPath = (organisationId?: number): string =>
  organisationId === undefined
    ? APP_PATHS.calendar
    : `${APP_PATHS.calendar}?organisationId=${organisationId}`;
