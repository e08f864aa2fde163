import { type RawBuilder, sql } from 'kysely';
import type { ReorganisationMove } from '../../../shared/contracts/reorganisations';
import type { MoveSubject, ReorganisationMoveOp } from '../../../shared/domain/organisations/reorganisation';
import type { Db } from '../../db/db';

/** The tables and columns an event may change; undo writes nothing else. */
export const MOVABLE = {
  organisations: ['valid_to', 'successor_id'],
  organisation_successors: [],
  task_agencies: ['organisation_id', 'group_key'],
  reports: ['organisation_id'],
  report_entries: ['report_id'],
  users: ['organisation_id'],
  indicators: ['owner_org_id'],
  plans: ['consolidator_org_id'],
} as const satisfies Record<string, readonly string[]>;
export type MovableTable = keyof typeof MOVABLE;
export type MovableColumn<T extends MovableTable> = (typeof MOVABLE)[T][number];

/** Tables whose rows carry updated_at: undo refuses a row saved again after the event. */
export const GUARDED: ReadonlySet<string> = new Set(['organisations', 'reports', 'report_entries', 'users']);

export type Scalar = string | number | null;

export interface MoveMeta {
  subject: MoveSubject;
  label: string;
  /** The successor's name, or null. */
  to: string | null;
  choice?: { taskAgencyId: number; successorIndex: number } | null;
}

/** One row of `reorganisation_moves` before it is written. */
export interface RecordedMove {
  op: ReorganisationMoveOp;
  table: string;
  rowId: number;
  column: string | null;
  before: unknown;
  after: unknown;
  guard: string | null;
  label: string;
  to: string | null;
}

/**
 * Where the planner sends each change: the preview only lists them (ids of rows it would add are
 * negative), the apply writes them in the event's transaction and records each as a move.
 */
export interface MoveSink {
  readonly applying: boolean;
  insert(table: MovableTable, write: (db: Db) => Promise<number>, meta: MoveMeta): Promise<number>;
  update<T extends MovableTable>(
    table: T,
    rowId: number,
    column: MovableColumn<T>,
    before: Scalar,
    after: Scalar,
    meta: MoveMeta,
    guard?: string | null,
  ): Promise<void>;
  remove(table: MovableTable, rowId: number, meta: MoveMeta): Promise<void>;
  handover(table: MovableTable, rowId: number, meta: MoveMeta): void;
  note(meta: MoveMeta): void;
  readonly moves: ReorganisationMove[];
}

function line(op: ReorganisationMove['op'], m: MoveMeta): ReorganisationMove {
  return { subject: m.subject, op, label: m.label, to: m.to, choice: m.choice ?? null };
}

export function previewSink(): MoveSink {
  let next = -1;
  const moves: ReorganisationMove[] = [];
  return {
    applying: false,
    moves,
    async insert(_t, _w, m) {
      moves.push(line('insert', m));
      return next--;
    },
    async update(_t, _id, _c, _b, _a, m) {
      moves.push(line('update', m));
    },
    async remove(_t, _id, m) {
      moves.push(line('delete', m));
    },
    handover(_t, _id, m) {
      moves.push(line('handover', m));
    },
    note(m) {
      moves.push(line('note', m));
    },
  };
}

export async function readRow(
  db: Db,
  table: string,
  id: number,
): Promise<Record<string, unknown> | undefined> {
  const res = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where id = ${id}`.execute(
    db,
  );
  return res.rows[0];
}

export function guardOf(table: string, row: Record<string, unknown> | undefined): string | null {
  if (!GUARDED.has(table) || row === undefined) return null;
  return String(row.updated_at);
}

export function applySink(db: Db): MoveSink & { recorded: RecordedMove[] } {
  const moves: ReorganisationMove[] = [];
  const recorded: RecordedMove[] = [];
  return {
    applying: true,
    moves,
    recorded,
    async insert(table, write, m) {
      const id = await write(db);
      const row = await readRow(db, table, id);
      recorded.push({
        op: 'insert',
        table,
        rowId: id,
        column: null,
        before: null,
        after: row,
        guard: guardOf(table, row),
        label: m.label,
        to: m.to,
      });
      moves.push(line('insert', m));
      return id;
    },
    async update(table, rowId, column, before, after, m, guard = null) {
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${after} where id = ${rowId}`.execute(db);
      recorded.push({ op: 'update', table, rowId, column, before, after, guard, label: m.label, to: m.to });
      moves.push(line('update', m));
    },
    async remove(table, rowId, m) {
      const row = await readRow(db, table, rowId);
      await sql`delete from ${sql.table(table)} where id = ${rowId}`.execute(db);
      recorded.push({
        op: 'delete',
        table,
        rowId,
        column: null,
        before: row,
        after: null,
        guard: null,
        label: m.label,
        to: m.to,
      });
      moves.push(line('delete', m));
    },
    handover(table, rowId, m) {
      recorded.push({
        op: 'handover',
        table,
        rowId,
        column: null,
        before: null,
        after: null,
        guard: null,
        label: m.label,
        to: m.to,
      });
      moves.push(line('handover', m));
    },
    note(m) {
      recorded.push({
        op: 'note',
        table: m.subject,
        rowId: 0,
        column: null,
        before: null,
        after: null,
        guard: null,
        label: m.label,
        to: m.to,
      });
      moves.push(line('note', m));
    },
  };
}

/** `insert into t (a, b) values (…)` from a row read earlier (undo of a deletion keeps the id). */
export function insertRowSql(table: string, row: Record<string, unknown>): RawBuilder<unknown> {
  const cols = Object.keys(row);
  return sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values (${sql.join(
    cols.map((c) => row[c] as Scalar),
  )})`;
}
