import { REPORT_STATE_LABELS } from '../../../shared/contracts/reporting';
import {
  SEARCH_COUNT_CAP,
  SEARCH_KIND_LABELS,
  type SearchGroup,
  type SearchQuery,
  type SearchResponse,
} from '../../../shared/contracts/search';
import { calendarPath, planPath, reportPath, taskPath } from '../../../shared/domain/app-links';
import { can } from '../../../shared/domain/auth/permissions';
import { ORGANISATION_KIND_LABELS } from '../../../shared/domain/organisations/kinds';
import { searchWords } from '../../../shared/domain/text/search-words';
import { sentenceCaseTitle } from '../../../shared/domain/text/sentence-case';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { reportReadScope } from '../reporting/report-policy';
import { searchOrganisations, searchPlans, searchReports, searchTasks } from './search-repository';

/** Long task contents are cut in a result line; the page behind the link shows them whole. */
const TITLE_CHARS = 160;

function shorten(text: string, max = TITLE_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** As lists name a plan: its number, then its title in sentence case (published titles are often in capitals). */
const planLabel = (number: string | null, title: string) =>
  number ? `${number} — ${sentenceCaseTitle(title)}` : sentenceCaseTitle(title);

/**
 * Plans, tasks, reports and agencies containing every word of `q` (folded), each kind limited to what
 * the user may read: plans and tasks with `plans.read`, agencies with `organisations.read`, reports
 * through report-policy.ts (a reporter finds their agency's reports and other agencies' accepted ones).
 * A kind the role may not read at all is left out of the answer.
 */
export async function searchEverything(
  ctx: AppContext,
  user: AuthUser,
  q: SearchQuery,
): Promise<SearchResponse> {
  const words = searchWords(q.q);
  const groups: SearchGroup[] = [];
  const group = (
    kind: SearchGroup['kind'],
    found: { total: number; capped: boolean },
    items: SearchGroup['items'],
  ) =>
    groups.push({
      kind,
      label: SEARCH_KIND_LABELS[kind],
      total: found.total,
      totalCapped: found.capped,
      items,
    });
  const none = words.length === 0;
  const empty = { rows: [], total: 0, capped: false };
  // Matches are counted up to a cap ("hơn 100"): a count of every match read every matching row.
  const opts = { limit: q.limit, cap: SEARCH_COUNT_CAP };

  const readsPlans = can(user.role, 'plans.read');
  const scope = reportReadScope(user);
  const readsReports = !('none' in scope);
  const readsAgencies = can(user.role, 'organisations.read');
  // The four kinds at once: on PostgreSQL each is a few round trips, answered by separate
  // connections of the pool (SQLite answers them one after the other anyway).
  const [plans, tasks, reports, orgs] = await Promise.all([
    readsPlans && !none ? searchPlans(ctx.db, words, opts) : empty,
    readsPlans && !none ? searchTasks(ctx.db, words, opts) : empty,
    readsReports && !none ? searchReports(ctx.db, words, opts, scope) : empty,
    readsAgencies && !none ? searchOrganisations(ctx.db, words, opts) : empty,
  ]);

  if (readsPlans) {
    group(
      'plan',
      plans,
      plans.rows.map((p) => ({
        id: p.id,
        title: planLabel(p.number, p.title),
        detail: p.issuer,
        link: planPath(p.id),
      })),
    );
    group(
      'task',
      tasks,
      tasks.rows.map((t) => ({
        id: t.id,
        title: shorten(`${t.ordinal}. ${t.content}`),
        detail: `${shorten(planLabel(t.plan_number, t.plan_title), 80)} · Thời hạn: ${t.deadline_text || 'không ghi'}`,
        link: taskPath(t.plan_id, t.id),
      })),
    );
  }
  if (readsReports) {
    group(
      'report',
      reports,
      reports.rows.map((r) => ({
        id: r.id,
        title: `${r.period_title} — ${r.organisation_name}`,
        detail: `${shorten(planLabel(r.plan_number, r.plan_title), 80)} · ${REPORT_STATE_LABELS[r.state]}`,
        link: reportPath(r.id),
      })),
    );
  }
  if (readsAgencies) {
    group(
      'organisation',
      orgs,
      orgs.rows.map((o) => ({
        id: o.id,
        title: o.name,
        detail: `${ORGANISATION_KIND_LABELS[o.kind]}${o.valid_to ? ` · hết hiệu lực từ ${o.valid_to}` : ''}`,
        // The agency's deadlines: what a search for an agency is most often after.
        link: calendarPath(o.id),
      })),
    );
  }
  return { q: q.q, groups };
}
