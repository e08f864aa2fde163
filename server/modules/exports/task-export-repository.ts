import type { Db } from '../../db/db';

/**
 * The agencies of a batch of exported tasks, with the successor of an agency that has ended (the
 * export names agencies as they are now, like the dashboard: dashboard/lead-agencies.ts).
 */
export async function agenciesOfTasks(db: Db, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_agencies as ta')
    .leftJoin('organisations as o', 'o.id', 'ta.organisation_id')
    .leftJoin('organisations as s', 's.id', 'o.successor_id')
    .select([
      'ta.task_id',
      'ta.role',
      'ta.organisation_id',
      'ta.agency_text',
      'o.name',
      'o.valid_to',
      's.name as successor_name',
    ])
    .where('ta.task_id', 'in', [...taskIds])
    .orderBy('ta.task_id')
    .orderBy('ta.position')
    .execute();
}

/**
 * The lead answer each task's stored status was judged from (task_statuses.report_id) for the year:
 * its result text and the report's agency and state, so the caller shows it only to who may read it.
 */
export async function statusResultsOfTasks(db: Db, taskIds: readonly number[], year: number) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_statuses as s')
    .innerJoin('report_entries as e', (j) =>
      j.onRef('e.report_id', '=', 's.report_id').onRef('e.task_id', '=', 's.task_id'),
    )
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .select(['s.task_id', 'e.result', 'e.role', 'r.organisation_id', 'r.state'])
    .where('s.task_id', 'in', [...taskIds])
    .where('s.year', '=', year)
    .where('e.role', '=', 'lead')
    .execute();
}
