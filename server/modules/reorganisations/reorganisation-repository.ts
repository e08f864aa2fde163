import { sql } from 'kysely';
import type { OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import type { Db } from '../../db/db';
import type { ReorganisationsTable, TaskAgencyRole } from '../../db/schema';
import type { RecordedMove } from './move-sink';

export interface TaskAgencyRow {
  id: number;
  task_id: number;
  role: TaskAgencyRole;
  organisation_id: number | null;
  group_key: OrganisationGroupKey | null;
  ordinal: string;
  content: string;
  plan_number: string;
}

/**
 * Task-agency rows of the agencies that end (and, when districts are replaced, rows naming the
 * district group) on tasks still open on the effective date: not removed before it and not completed
 * in their latest judged year (a finished one-off task stays with whoever finished it).
 */
export async function openTaskAgencies(
  db: Db,
  organisationIds: number[],
  effectiveOn: string,
  districtGroup: boolean,
): Promise<TaskAgencyRow[]> {
  if (organisationIds.length === 0 && !districtGroup) return [];
  return db
    .selectFrom('task_agencies as ta')
    .innerJoin('tasks as t', 't.id', 'ta.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select((eb) => [
      'ta.id',
      'ta.task_id',
      'ta.role',
      'ta.organisation_id',
      'ta.group_key',
      't.ordinal',
      't.content',
      eb.fn.coalesce('p.number', 'p.title').as('plan_number'),
    ])
    .where((eb) => {
      const who = [];
      if (organisationIds.length > 0) who.push(eb('ta.organisation_id', 'in', organisationIds));
      if (districtGroup) who.push(eb('ta.group_key', '=', 'ubnd_cap_huyen'));
      return eb.or(who);
    })
    .where((eb) => eb.or([eb('t.removed_on', 'is', null), eb('t.removed_on', '>', effectiveOn)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('task_statuses as s')
            .select('s.task_id')
            .whereRef('s.task_id', '=', 't.id')
            .where('s.code', 'in', ['done_on_time', 'done_late'])
            .where(({ eb, selectFrom: sf }) =>
              eb(
                's.year',
                '=',
                sf('task_statuses as s2')
                  .select((c) => c.fn.max('s2.year').as('y'))
                  .whereRef('s2.task_id', '=', 't.id'),
              ),
            ),
        ),
      ),
    )
    .orderBy('p.id')
    .orderBy('t.position')
    .orderBy('ta.id')
    .execute();
}

export interface OpenReportRow {
  id: number;
  period_id: number;
  organisation_id: number;
  state: 'draft' | 'submitted' | 'returned' | 'accepted';
  updated_at: string;
  period_title: string;
  period_state: 'open' | 'closed';
  due_on: string;
  plan_number: string;
  /** Sent at least once, or carrying files, scans or directives: never deleted by an event. */
  history: boolean;
}

/** Every report of these agencies with its period (few per agency: one per period). */
export async function reportsOfSources(db: Db, organisationIds: number[]): Promise<OpenReportRow[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
    .select((eb) => [
      'r.id',
      'r.period_id',
      'r.organisation_id',
      'r.state',
      'r.updated_at',
      'p.title as period_title',
      'p.state as period_state',
      'p.due_on',
      eb.fn.coalesce('pl.number', 'pl.title').as('plan_number'),
      eb
        .or([
          eb('r.version_count', '>', 0),
          eb.exists(
            eb.selectFrom('report_attachments as a').select('a.id').whereRef('a.report_id', '=', 'r.id'),
          ),
          eb.exists(
            eb.selectFrom('report_signed_scans as s').select('s.id').whereRef('s.report_id', '=', 'r.id'),
          ),
          eb.exists(eb.selectFrom('directives as d').select('d.id').whereRef('d.report_id', '=', 'r.id')),
          eb.exists(
            eb.selectFrom('task_statuses as ts').select('ts.task_id').whereRef('ts.report_id', '=', 'r.id'),
          ),
        ])
        .as('history'),
    ])
    .where('r.organisation_id', 'in', organisationIds)
    .orderBy('p.due_on')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, history: Boolean(r.history) }));
}

export interface EntryRow {
  id: number;
  report_id: number;
  task_id: number;
  role: 'lead' | 'support';
  updated_at: string;
  ordinal: string;
  has_content: boolean;
}

export async function entriesOfReports(db: Db, reportIds: number[]): Promise<EntryRow[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_entries as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .select([
      'e.id',
      'e.report_id',
      'e.task_id',
      'e.role',
      'e.updated_at',
      't.ordinal',
      'e.progress',
      'e.result',
      'e.product_summary',
    ])
    .where('e.report_id', 'in', reportIds)
    .orderBy('e.id')
    .execute();
  return rows.map((e) => ({
    id: e.id,
    report_id: e.report_id,
    task_id: e.task_id,
    role: e.role,
    updated_at: e.updated_at,
    ordinal: e.ordinal,
    has_content: e.progress !== null || (e.result ?? '') !== '' || (e.product_summary ?? '') !== '',
  }));
}

export async function insertMoves(db: Db, eventId: number, moves: RecordedMove[]): Promise<void> {
  for (const [i, m] of moves.entries())
    await db
      .insertInto('reorganisation_moves')
      .values({
        reorganisation_id: eventId,
        seq: i + 1,
        op: m.op,
        table_name: m.table,
        row_id: m.rowId,
        column_name: m.column,
        before_json: m.before === null ? null : JSON.stringify(m.before),
        after_json: m.after === null ? null : JSON.stringify(m.after),
        guard: m.guard,
        label: m.label,
        to_name: m.to,
      })
      .execute();
}

export async function movesOf(db: Db, eventId: number) {
  return db
    .selectFrom('reorganisation_moves')
    .selectAll()
    .where('reorganisation_id', '=', eventId)
    .orderBy('seq')
    .execute();
}

export type EventRow = Omit<ReorganisationsTable, 'id'> & { id: number };

export async function findEvent(db: Db, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('reorganisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listEvents(db: Db): Promise<EventRow[]> {
  return db.selectFrom('reorganisations').selectAll().orderBy('id', 'desc').limit(200).execute();
}

export async function moveCounts(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('reorganisation_moves')
    .select(['reorganisation_id', sql<number>`count(*)`.as('n')])
    .where('reorganisation_id', 'in', ids)
    .groupBy('reorganisation_id')
    .execute();
  return new Map(rows.map((r) => [r.reorganisation_id, Number(r.n)]));
}

export async function userNames(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}
