import type { ValueKind } from '../../../shared/contracts/indicators';
import type { PlanTarget, TargetKind } from '../../../shared/contracts/plan-draft';
import { foldDiacritics } from '../../../shared/domain/text/normalize';

/** A target as stored, with what grouping needs. */
export type TargetForGrouping = Pick<PlanTarget, 'subject' | 'kind' | 'unit' | 'text'> & { id: number };

export interface ProposedIndicator {
  code: string;
  name: string;
  unit: string;
  valueKind: ValueKind;
  targetIds: number[];
}

/**
 * "Tỷ trọng công nghiệp, xây dựng" and "Tỷ trọng công nghiệp - xây dựng" measure the same thing:
 * the key ignores case, diacritics and punctuation.
 */
export function subjectKey(subject: string): string {
  return foldDiacritics(subject)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const KIND_OF: Record<Exclude<TargetKind, 'level' | 'average_growth'>, ValueKind> = {
  share: 'share',
  count: 'count',
  percentage: 'percentage',
};

/**
 * What one yearly value of the indicator is. A subject with a level target ("đạt 8,5 tỷ USD") is
 * tracked as levels, even when the plan also sets its average growth: growth is computed from levels.
 * A subject with growth targets only (IIP "tăng 9-10%/năm") is tracked as yearly growth rates in %.
 */
function valueKindOf(targets: readonly TargetForGrouping[]): { valueKind: ValueKind; unit: string } {
  const level = targets.find((t) => t.kind === 'level');
  if (level) return { valueKind: 'level', unit: level.unit };
  const first = targets[0]!;
  if (first.kind === 'average_growth' || first.kind === 'level') return { valueKind: 'rate', unit: '%' };
  return { valueKind: KIND_OF[first.kind], unit: first.kind === 'count' ? first.unit : '%' };
}

/** One indicator per distinct subject, in the order the plan first names them; codes CT01, CT02, … */
export function proposeIndicators(targets: readonly TargetForGrouping[]): ProposedIndicator[] {
  const groups = new Map<string, TargetForGrouping[]>();
  for (const t of targets) {
    const key = subjectKey(t.subject || t.text);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].map((group, i) => ({
    code: `CT${String(i + 1).padStart(2, '0')}`,
    name: group[0]!.subject || group[0]!.text,
    ...valueKindOf(group),
    targetIds: group.map((t) => t.id),
  }));
}
