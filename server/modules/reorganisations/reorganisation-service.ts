import { sql } from 'kysely';
import {
  type Reorganisation,
  type ReorganisationCreate,
  type ReorganisationDetail,
  type ReorganisationMove,
  type ReorganisationSpec,
  reorganisationSpecSchema,
} from '../../../shared/contracts/reorganisations';
import { MOVE_SUBJECTS } from '../../../shared/domain/organisations/reorganisation';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import type { Db } from '../../db/db';
import { conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { duplicateName, isDuplicateNameViolation } from '../organisations/name-uniqueness';
import { recountEntries } from '../reporting/report-repository';
import {
  applySink,
  guardOf,
  insertRowSql,
  MOVABLE,
  type MovableTable,
  previewSink,
  readRow,
} from './move-sink';
import { planEvent } from './reorganisation-plan';
import {
  type EventRow,
  findEvent,
  insertMoves,
  listEvents,
  moveCounts,
  movesOf,
  userNames,
} from './reorganisation-repository';

const specOf = (e: EventRow): ReorganisationSpec => reorganisationSpecSchema.parse(JSON.parse(e.spec_json));

async function names(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function toViews(db: Db, rows: EventRow[]): Promise<Reorganisation[]> {
  const specs = rows.map(specOf);
  const orgIds = specs.flatMap((s) => [
    ...s.sources,
    ...s.successors.flatMap((x) => ('existingId' in x ? [x.existingId] : [])),
  ]);
  const [orgs, users, counts] = await Promise.all([
    names(db, [...new Set(orgIds)]),
    userNames(
      db,
      rows.flatMap((r) => [r.created_by, r.applied_by, r.undone_by]),
    ),
    moveCounts(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const userName = (id: number | null) => (id === null ? null : (users.get(id) ?? null));
  return rows.map((r, i) => {
    const spec = specs[i] as ReorganisationSpec;
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      effectiveOn: r.effective_on,
      basisNumber: r.basis_number,
      basisDate: r.basis_date,
      basisText: r.basis_text,
      state: r.state,
      spec,
      sourceNames: spec.sources.map((id) => orgs.get(id) ?? `#${id}`),
      successorNames: spec.successors.map((s) =>
        'existingId' in s ? (orgs.get(s.existingId) ?? `#${s.existingId}`) : s.create.name,
      ),
      createdBy: userName(r.created_by),
      createdAt: r.created_at,
      appliedBy: userName(r.applied_by),
      appliedAt: r.applied_at,
      undoneBy: userName(r.undone_by),
      undoneAt: r.undone_at,
      moveCount: counts.get(r.id) ?? 0,
    };
  });
}

async function preview(db: Db, e: EventRow, spec: ReorganisationSpec): Promise<ReorganisationMove[]> {
  const sink = previewSink();
  await planEvent(db, { kind: e.kind, effectiveOn: e.effective_on, spec, eventId: 0 }, sink);
  return sink.moves;
}

/** Recorded moves as the detail shows them (subject from the table touched). */
async function recordedMoves(db: Db, id: number): Promise<ReorganisationMove[]> {
  const subjectOf: Record<string, ReorganisationMove['subject']> = {
    organisations: 'organisation',
    organisation_successors: 'organisation',
    task_agencies: 'task',
    reports: 'report',
    report_entries: 'entry',
    users: 'user',
    indicators: 'indicator',
    plans: 'plan',
  };
  const subjects: readonly string[] = MOVE_SUBJECTS;
  return (await movesOf(db, id)).map((m) => ({
    subject:
      m.op === 'note' && subjects.includes(m.table_name)
        ? (m.table_name as ReorganisationMove['subject'])
        : (subjectOf[m.table_name] ?? 'organisation'),
    op: m.op,
    label: m.label,
    to: m.to_name,
    choice: null,
  }));
}

export async function listReorganisations(ctx: AppContext): Promise<Reorganisation[]> {
  return toViews(ctx.db, await listEvents(ctx.db));
}

async function loadEvent(db: Db, id: number): Promise<EventRow> {
  const e = await findEvent(db, id);
  if (!e) throw notFound('phương án sắp xếp tổ chức');
  return e;
}

export async function getReorganisation(ctx: AppContext, id: number): Promise<ReorganisationDetail> {
  const e = await loadEvent(ctx.db, id);
  const [event] = await toViews(ctx.db, [e]);
  const moves =
    e.state === 'previewed' ? await preview(ctx.db, e, specOf(e)) : await recordedMoves(ctx.db, id);
  return { event: event as Reorganisation, moves };
}

/** Records the event (nothing moves yet) once its preview can be worked out. */
export async function createReorganisation(
  rc: RequestContext,
  input: ReorganisationCreate,
): Promise<ReorganisationDetail> {
  const draft: EventRow = {
    id: 0,
    kind: input.kind,
    title: input.title,
    effective_on: input.effectiveOn,
    basis_number: input.basisNumber,
    basis_date: input.basisDate ?? null,
    basis_text: input.basisText ?? null,
    spec_json: JSON.stringify(input.spec),
    state: 'previewed',
    created_by: rc.actor.id,
    created_at: rc.now(),
    applied_by: null,
    applied_at: null,
    undone_by: null,
    undone_at: null,
  };
  await preview(rc.db, draft, input.spec);
  const id = await inTransaction(rc, async (tx) => {
    const { id: _omit, ...values } = draft;
    const row = await tx.db
      .insertInto('reorganisations')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'reorganisation.created',
      entity: 'reorganisation',
      entityId: row.id,
      detail: {
        kind: input.kind,
        title: input.title,
        effectiveOn: input.effectiveOn,
        basisNumber: input.basisNumber,
      },
    });
    return row.id;
  });
  return getReorganisation(rc.app, id);
}

function assertPreviewed(e: EventRow): void {
  if (e.state === 'applied')
    throw conflict('Phương án này đã được áp dụng; muốn làm lại hãy hoàn tác trước.');
  if (e.state === 'undone') throw conflict('Phương án này đã được hoàn tác; hãy lập phương án mới.');
}

/** The preview again with the coordinator's choices for a split (nothing is written). */
export async function previewWithChoices(
  ctx: AppContext,
  id: number,
  taskChoices: Record<string, number>,
): Promise<ReorganisationDetail> {
  const e = await loadEvent(ctx.db, id);
  assertPreviewed(e);
  const spec = { ...specOf(e), taskChoices };
  const [event] = await toViews(ctx.db, [{ ...e, spec_json: JSON.stringify(spec) }]);
  return { event: event as Reorganisation, moves: await preview(ctx.db, e, spec) };
}

/** Applies the event in one transaction, recording every row it changes. */
export async function applyReorganisation(
  rc: RequestContext,
  id: number,
  taskChoices: Record<string, number>,
): Promise<ReorganisationDetail> {
  try {
    await inTransaction(rc, async (tx) => {
      const e = await loadEvent(tx.db, id);
      assertPreviewed(e);
      const spec = { ...specOf(e), taskChoices };
      const sink = applySink(tx.db);
      await planEvent(tx.db, { kind: e.kind, effectiveOn: e.effective_on, spec, eventId: id }, sink);
      await insertMoves(tx.db, id, sink.recorded);
      await recountEntries(tx.db, reportIdsTouched(sink.recorded));
      const claimed = await tx.db
        .updateTable('reorganisations')
        .set({
          state: 'applied',
          spec_json: JSON.stringify(spec),
          applied_by: tx.actor.id,
          applied_at: tx.now(),
        })
        .where('id', '=', id)
        .where('state', '=', 'previewed')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw conflict('Phương án vừa được người khác áp dụng.');
      await audit(tx, {
        action: 'reorganisation.applied',
        entity: 'reorganisation',
        entityId: id,
        detail: {
          kind: e.kind,
          effectiveOn: e.effective_on,
          moves: sink.recorded.length,
          handovers: sink.recorded.filter((m) => m.op === 'handover').length,
        },
      });
    });
  } catch (err) {
    if (isDuplicateNameViolation(err))
      throw duplicateName({ name: 'cơ quan mới', code: '' }, 'spec.successors');
    throw err;
  }
  return getReorganisation(rc.app, id);
}

function reportIdsTouched(
  moves: { op: string; table: string; rowId: number; before: unknown; after: unknown }[],
): number[] {
  const ids = new Set<number>();
  for (const m of moves) {
    if (m.table === 'reports' && m.op !== 'delete') ids.add(m.rowId);
    if (m.table === 'report_entries' && m.op === 'update') {
      ids.add(Number(m.before));
      ids.add(Number(m.after));
    }
    if (m.table === 'report_entries' && m.op === 'delete') {
      const row = m.before as { report_id?: number } | null;
      if (row?.report_id !== undefined) ids.add(Number(row.report_id));
    }
  }
  return [...ids].filter((n) => Number.isInteger(n) && n > 0);
}

const same = (a: unknown, b: unknown) =>
  a === b || (a !== null && b !== null && a !== undefined && String(a) === String(b));

/** Columns kept by the database itself (counts), not compared when an added row is taken back. */
const DERIVED = new Set(['lead_count', 'support_count']);

/** Rows that point at an agency the event added: it cannot be removed while they exist. */
async function organisationInUse(db: Db, id: number): Promise<boolean> {
  const found = await Promise.all([
    db.selectFrom('users').select('id').where('organisation_id', '=', id).limit(1).executeTakeFirst(),
    db.selectFrom('task_agencies').select('id').where('organisation_id', '=', id).limit(1).executeTakeFirst(),
    db.selectFrom('reports').select('id').where('organisation_id', '=', id).limit(1).executeTakeFirst(),
    db.selectFrom('plans').select('id').where('consolidator_org_id', '=', id).limit(1).executeTakeFirst(),
    db.selectFrom('indicators').select('id').where('owner_org_id', '=', id).limit(1).executeTakeFirst(),
    db
      .selectFrom('organisations')
      .select('id')
      .where((eb) => eb.or([eb('successor_id', '=', id), eb('parent_id', '=', id)]))
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('organisation_successors')
      .select('id')
      .where((eb) => eb.or([eb('successor_id', '=', id), eb('organisation_id', '=', id)]))
      .limit(1)
      .executeTakeFirst(),
  ]);
  if (found.some((r) => r !== undefined)) return true;
  return false;
}

/**
 * Puts back every row the event changed, last change first, in one transaction. A row changed since
 * (a moved report saved or sent by its new agency, a new agency given users or tasks) stops the undo
 * with a message naming it: those later changes must be undone first.
 */
export async function undoReorganisation(rc: RequestContext, id: number): Promise<ReorganisationDetail> {
  await inTransaction(rc, async (tx) => {
    const e = await loadEvent(tx.db, id);
    if (e.state !== 'applied') throw conflict('Chỉ hoàn tác được phương án đã áp dụng.');
    const later = await tx.db
      .selectFrom('reorganisations')
      .select(['title', 'applied_at'])
      .where('state', '=', 'applied')
      .where('id', '!=', id)
      .where('applied_at', '>', e.applied_at ?? '')
      .orderBy('applied_at')
      .executeTakeFirst();
    const moves = (await movesOf(tx.db, id)).reverse();
    const changedSince = (label: string) =>
      conflict(
        `Không thể hoàn tác: ${label} — đã có thay đổi sau khi sắp xếp${later ? ` (ví dụ phương án “${later.title}” áp dụng sau)` : ''}. Hãy hoàn tác hoặc sửa lại các thay đổi đó trước.`,
      );
    const touched: { op: string; table: string; rowId: number; before: unknown; after: unknown }[] = [];
    for (const m of moves) {
      if (m.op === 'handover' || m.op === 'note') continue;
      const table = m.table_name as MovableTable;
      if (!(table in MOVABLE)) throw conflict(`Bảng ${m.table_name} không thuộc phạm vi sắp xếp.`);
      const before = m.before_json === null ? null : (JSON.parse(m.before_json) as unknown);
      const after = m.after_json === null ? null : (JSON.parse(m.after_json) as unknown);
      touched.push({ op: m.op, table, rowId: m.row_id, before, after });
      if (m.op === 'update') {
        const column = m.column_name as string;
        if (!(MOVABLE[table] as readonly string[]).includes(column))
          throw conflict(`Cột ${column} không thuộc phạm vi sắp xếp.`);
        const row = await readRow(tx.db, table, m.row_id);
        if (!row || !same(row[column], after) || (m.guard !== null && guardOf(table, row) !== m.guard))
          throw changedSince(m.label);
        await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${before as string | number | null} where id = ${m.row_id}`.execute(
          tx.db,
        );
      } else if (m.op === 'insert') {
        const row = await readRow(tx.db, table, m.row_id);
        const added = after as Record<string, unknown>;
        if (!row || Object.keys(added).some((k) => !DERIVED.has(k) && !same(row[k], added[k])))
          throw changedSince(m.label);
        if (table === 'organisations' && (await organisationInUse(tx.db, m.row_id)))
          throw changedSince(m.label);
        if (table === 'reports') {
          const entry = await tx.db
            .selectFrom('report_entries')
            .select('id')
            .where('report_id', '=', m.row_id)
            .executeTakeFirst();
          if (entry) throw changedSince(m.label);
        }
        if (table === 'organisations')
          await tx.db.deleteFrom('organisation_aliases').where('organisation_id', '=', m.row_id).execute();
        await sql`delete from ${sql.table(table)} where id = ${m.row_id}`.execute(tx.db);
      } else {
        if (await readRow(tx.db, table, m.row_id)) throw changedSince(m.label);
        await insertRowSql(table, before as Record<string, unknown>).execute(tx.db);
      }
    }
    await recountEntries(
      tx.db,
      reportIdsTouched(touched).filter((n) => n > 0),
    );
    await tx.db
      .updateTable('reorganisations')
      .set({ state: 'undone', undone_by: tx.actor.id, undone_at: tx.now() })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'reorganisation.undone',
      entity: 'reorganisation',
      entityId: id,
      detail: { kind: e.kind, effectiveOn: e.effective_on, moves: moves.length },
    });
  });
  return getReorganisation(rc.app, id);
}

/** A previewed event nobody will apply is removed (an applied one is undone instead). */
export async function discardReorganisation(rc: RequestContext, id: number): Promise<void> {
  await inTransaction(rc, async (tx) => {
    const e = await loadEvent(tx.db, id);
    assertPreviewed(e);
    await tx.db.deleteFrom('reorganisations').where('id', '=', id).execute();
    await audit(tx, {
      action: 'reorganisation.discarded',
      entity: 'reorganisation',
      entityId: id,
      detail: { kind: e.kind, title: e.title, effectiveOn: formatDateVi(e.effective_on) },
    });
  });
}
