import type { PlanTargetsTable } from '../../db/schema';

/** A plan target's row as read (id selected). */
export type TargetRow = Omit<PlanTargetsTable, 'id'> & { id: number };

/** The view of a target in its plan; the indicators module adds its evaluation to the same view. */
export function toTargetView(t: TargetRow) {
  return {
    id: t.id,
    ordinal: t.ordinal,
    text: t.text,
    subject: t.subject,
    kind: t.kind,
    min: t.min_value,
    max: t.max_value,
    unit: t.unit,
    fromYear: t.from_year,
    toYear: t.to_year,
    approximate: t.approximate === 1,
  };
}
