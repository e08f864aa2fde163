import type { TaskListQuery } from '../../../shared/contracts/plans';
import type { Db } from '../../db/db';

/*
 * The task list's pages as written, kept in memory (issue 10: 1,000 requests/s on 2 cores). A page
 * costs about 4 ms of CPU to read and write; sent from here it costs the session check, one indexed
 * read of the plan's data version and the send. The version (migration 20261201T0520_data_versions)
 * grows, by triggers in the writing transaction, with every change the list shows: tasks, their
 * agencies, stored statuses and freshness markers (a report submitted, the daily roll), and the
 * organisation registry. So a page is only reused while nothing it shows has changed, in every
 * process (`serve --workers`), since the version comes from the database. The answer does not depend
 * on who asks (everyone with plans.read sees the same list), so the caller is not part of the key.
 */

/** The key of one page: plan, the day (statuses are judged for today) and the query as parsed. */
export function taskPageKey(planId: number, today: string, query: TaskListQuery): string {
  const q = query as Record<string, unknown>;
  const parts = Object.keys(q)
    .filter((k) => q[k] !== undefined)
    .sort()
    .map((k) => [k, q[k]]);
  return `${planId}|${today}|${JSON.stringify(parts)}`;
}

/** The plan's data version and the registry's, read before the page (never after: a change in between
 * then only costs a miss), or undefined when the plan does not exist. */
export async function taskPageVersion(db: Db, planId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('plans')
    .innerJoin('registry_version as r', (join) => join.on('r.id', '=', 1))
    .select(['plans.data_version', 'r.version'])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
  return row ? `${row.data_version}.${row.version}` : undefined;
}
