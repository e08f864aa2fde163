import type {
  IndicatorSummary,
  IndicatorTarget,
  IndicatorValue,
  ValueKind,
} from '../../../shared/contracts/indicators';
import { type TargetRow, toTargetView } from '../plans/target-mapper';
import { chooseEffective } from './effective-values';
import { evaluateIndicatorTarget } from './evaluate-indicator';
import type { IndicatorRow, ValueRow } from './indicator-repository';

const choiceOf = (v: ValueRow) => ({
  ...v,
  status: v.status,
  reviewState: v.review_state,
  enteredAt: v.entered_at,
});

/** Effective values of one indicator, sorted by year. */
function effectiveOf(values: readonly ValueRow[]) {
  return [...chooseEffective(values.map(choiceOf)).values()]
    .sort((a, b) => a.year - b.year)
    .map((v) => ({ year: v.year, value: v.value, status: v.status, valueId: v.id }));
}

function targetView(
  t: TargetRow,
  valueKind: ValueKind,
  effective: ReturnType<typeof effectiveOf>,
  today: string,
): IndicatorTarget {
  const view = toTargetView(t);
  return { ...view, evaluation: evaluateIndicatorTarget(view, valueKind, effective, today) };
}

export function summaryView(
  row: IndicatorRow,
  targets: readonly TargetRow[],
  values: readonly ValueRow[],
  today: string,
): IndicatorSummary {
  const valueKind = row.value_kind;
  const effective = effectiveOf(values);
  return {
    id: row.id,
    planId: row.plan_id,
    code: row.code,
    name: row.name,
    unit: row.unit,
    definition: row.definition,
    valueKind,
    owner: row.owner_org_id !== null ? { id: row.owner_org_id, name: row.owner_name ?? '' } : null,
    targets: targets.map((t) => targetView(t, valueKind, effective, today)),
    effectiveValues: effective,
    pendingCount: values.filter((v) => v.review_state === 'pending').length,
  };
}

export function valueViews(values: readonly ValueRow[]): IndicatorValue[] {
  const effectiveIds = new Set(effectiveOf(values).map((v) => v.valueId));
  return values.map((v) => ({
    id: v.id,
    indicatorId: v.indicator_id,
    year: v.year,
    value: v.value,
    status: v.status,
    source: v.source,
    sourceUrl: v.source_url,
    note: v.note,
    isSample: v.is_sample === 1,
    enteredBy: v.entered_by !== null ? { id: v.entered_by, name: v.entered_by_name ?? '' } : null,
    enteredAt: v.entered_at,
    reviewState: v.review_state,
    reviewedBy: v.reviewed_by !== null ? { id: v.reviewed_by, name: v.reviewed_by_name ?? '' } : null,
    reviewedAt: v.reviewed_at,
    reviewNote: v.review_note,
    effective: effectiveIds.has(v.id),
    superseded: v.review_state === 'accepted' && !effectiveIds.has(v.id),
  }));
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => number | null): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
