import type { ReportListQuery } from '../../../shared/contracts/reporting';
import type { Db } from '../../db/db';
import type { AuthUser } from '../../http/auth-state';
import { reportReadScope } from './report-policy';

/*
 * The report lists' pages as written (the coordinator's inbox, a reporter's "my work"), kept in memory
 * like the task list's (plans/task-page-cache.ts, whose LRU they share): issue 10 wants every list 25×
 * ahead of Redmine, and a page of 100 reports costs about 8 ms of CPU, half of it sorting every
 * submitted report by due date and agency name. A page is reused only while `reports_version`
 * (migration 20261201T0550_reports_version, kept by triggers on reports, their entries and versions,
 * periods, agencies, plans and users' names) stands. What a caller may see depends on who asks (a
 * reporter sees their own agency's reports and the accepted ones of others), so the key holds the
 * caller's role and read scope besides the parsed query: a reporter never gets a coordinator's page.
 */

/** The key of one page: who may see what (role and scope) and the query as parsed. */
export function reportPageKey(user: AuthUser, query: ReportListQuery): string {
  const q = query as Record<string, unknown>;
  const parts = Object.keys(q)
    .filter((k) => q[k] !== undefined)
    .sort()
    .map((k) => [k, q[k]]);
  return `${user.role}|${JSON.stringify(reportReadScope(user))}|${JSON.stringify(parts)}`;
}

/** The reports' data version, read before the page (never after: a change in between only costs a miss). */
export async function reportPageVersion(db: Db): Promise<string> {
  const row = await db
    .selectFrom('reports_version')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return String(row.version);
}
