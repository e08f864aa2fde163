import { formatDateVi } from '../task-status/calendar';
import { planTag } from './short-title';

/** A plan that is no longer in force (issue 13, item 6), as pages and refusals name it. */
export interface PlanEnd {
  kind: 'annulled' | 'replaced';
  on: string;
  replacedBy: { id: number; number: string | null; title: string } | null;
}

/** "Kế hoạch đã được thay thế bởi 12/KH-UBND · … từ ngày 01/12/2026" / "Kế hoạch đã bị bãi bỏ từ ngày …". */
export function planEndText(end: PlanEnd): string {
  const from = `từ ngày ${formatDateVi(end.on)}`;
  return end.kind === 'replaced' && end.replacedBy
    ? `Kế hoạch đã được thay thế bởi ${planTag(end.replacedBy)} ${from}`
    : `Kế hoạch đã bị bãi bỏ ${from}`;
}
