import type { Kysely } from 'kysely';
import { nowIso } from '../../context';
import type { Database, IndicatorsTable, IndicatorValuesTable } from '../../db/schema';
import { containsPattern } from '../../db/search';

export async function findPlanHead(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom('plans')
    .select(['id', 'number', 'title', 'consolidator_org_id'])
    .where('id', '=', planId)
    .executeTakeFirst();
}

const indicatorColumns = [
  'indicators.id',
  'indicators.plan_id',
  'indicators.code',
  'indicators.name',
  'indicators.unit',
  'indicators.definition',
  'indicators.value_kind',
  'indicators.owner_org_id',
  'organisations.name as owner_name',
] as const;

export type IndicatorRow = NonNullable<Awaited<ReturnType<typeof findIndicatorRow>>>;

export async function findIndicatorRow(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('indicators')
    .leftJoin('organisations', 'organisations.id', 'indicators.owner_org_id')
    .select(indicatorColumns)
    .where('indicators.id', '=', id)
    .executeTakeFirst();
}

/** One page of a plan's indicators, by code, with the total. */
export async function listIndicatorRows(
  db: Kysely<Database>,
  planId: number,
  f: { q?: string | undefined; page: number; pageSize: number },
) {
  let q = db
    .selectFrom('indicators')
    .leftJoin('organisations', 'organisations.id', 'indicators.owner_org_id')
    .where('indicators.plan_id', '=', planId);
  if (f.q) q = q.where('indicators.search_key', 'like', containsPattern(f.q));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(indicatorColumns)
    .orderBy('indicators.code')
    .orderBy('indicators.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Every indicator of several plans (or of all plans), by plan and code: the dashboard's targets. */
export async function listIndicatorRowsOfPlans(db: Kysely<Database>, planIds?: readonly number[]) {
  if (planIds?.length === 0) return [];
  let q = db
    .selectFrom('indicators')
    .leftJoin('organisations', 'organisations.id', 'indicators.owner_org_id')
    .select(indicatorColumns);
  if (planIds) q = q.where('indicators.plan_id', 'in', [...planIds]);
  return q.orderBy('indicators.plan_id').orderBy('indicators.code').orderBy('indicators.id').execute();
}

/** Every indicator of a plan by code, for reading an uploaded file. */
export async function indicatorCodesOfPlan(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom('indicators')
    .select(['id', 'code', 'value_kind', 'unit', 'name'])
    .where('plan_id', '=', planId)
    .execute();
}

/** Targets of many indicators in one query. */
export async function targetRowsOf(db: Kysely<Database>, indicatorIds: readonly number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('plan_targets')
    .selectAll()
    .where('indicator_id', 'in', [...indicatorIds])
    .orderBy('ordinal')
    .execute();
}

/** Value rows of many indicators in one query, with who entered and reviewed them. */
export async function valueRowsOf(db: Kysely<Database>, indicatorIds: readonly number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicator_values as v')
    .leftJoin('users as e', 'e.id', 'v.entered_by')
    .leftJoin('users as r', 'r.id', 'v.reviewed_by')
    .selectAll('v')
    .select(['e.full_name as entered_by_name', 'r.full_name as reviewed_by_name'])
    .where('v.indicator_id', 'in', [...indicatorIds])
    .orderBy('v.year', 'desc')
    .orderBy('v.entered_at', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
}
export type ValueRow = Awaited<ReturnType<typeof valueRowsOf>>[number];

export async function findValueRow(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('indicator_values')
    .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
    .selectAll('indicator_values')
    .select(['indicators.plan_id', 'indicators.owner_org_id'])
    .where('indicator_values.id', '=', id)
    .executeTakeFirst();
}

export async function codeTaken(db: Kysely<Database>, planId: number, code: string, exceptId: number) {
  const row = await db
    .selectFrom('indicators')
    .select('id')
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewIndicator {
  planId: number;
  code: string;
  name: string;
  unit: string;
  definition: string | null;
  valueKind: IndicatorsTable['value_kind'];
  ownerOrgId: number | null;
  searchKey: string;
}

export async function insertIndicator(db: Kysely<Database>, v: NewIndicator): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('indicators')
    .values({
      plan_id: v.planId,
      code: v.code,
      name: v.name,
      unit: v.unit,
      definition: v.definition,
      value_kind: v.valueKind,
      owner_org_id: v.ownerOrgId,
      search_key: v.searchKey,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function linkTargets(db: Kysely<Database>, indicatorId: number, targetIds: readonly number[]) {
  if (targetIds.length === 0) return;
  await db
    .updateTable('plan_targets')
    .set({ indicator_id: indicatorId })
    .where('id', 'in', [...targetIds])
    .execute();
}

export async function updateIndicatorRow(
  db: Kysely<Database>,
  id: number,
  v: Omit<NewIndicator, 'planId'>,
): Promise<void> {
  await db
    .updateTable('indicators')
    .set({
      code: v.code,
      name: v.name,
      unit: v.unit,
      definition: v.definition,
      value_kind: v.valueKind,
      owner_org_id: v.ownerOrgId,
      search_key: v.searchKey,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
}

export interface NewValue {
  indicatorId: number;
  year: number;
  value: number;
  status: IndicatorValuesTable['status'];
  source: string;
  sourceUrl: string | null;
  note: string | null;
  isSample: boolean;
  enteredBy: number | null;
  reviewState: 'pending' | 'accepted';
}

/** Appends value rows; a value row is never updated except for its review, nor deleted. */
export async function insertValues(db: Kysely<Database>, values: readonly NewValue[]): Promise<number[]> {
  if (values.length === 0) return [];
  const now = nowIso();
  const rows = await db
    .insertInto('indicator_values')
    .values(
      values.map((v) => ({
        indicator_id: v.indicatorId,
        year: v.year,
        value: v.value,
        status: v.status,
        source: v.source,
        source_url: v.sourceUrl,
        note: v.note,
        is_sample: v.isSample ? 1 : 0,
        entered_by: v.enteredBy,
        entered_at: now,
        review_state: v.reviewState,
        // Accepted on entry (coordinator, import): the enterer is the reviewer.
        reviewed_by: v.reviewState === 'accepted' ? v.enteredBy : null,
        reviewed_at: v.reviewState === 'accepted' ? now : null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Records the coordinator's decision on a pending row; false when it was no longer pending. */
export async function reviewValueRow(
  db: Kysely<Database>,
  id: number,
  v: { state: 'accepted' | 'rejected'; by: number; note: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable('indicator_values')
    .set({ review_state: v.state, reviewed_by: v.by, reviewed_at: nowIso(), review_note: v.note })
    .where('id', '=', id)
    .where('review_state', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
