import type { Deadline } from '../../../shared/contracts/plan-draft';
import { formatDate } from './dates';

/** The dates a deadline stands for, e.g. "01/07/2024 – 30/09/2024", or "" when it has none. */
export function formatDeadlineDates(d: Pick<Deadline, 'from' | 'to'>): string {
  if (d.from && d.to) return `${formatDate(d.from)} – ${formatDate(d.to)}`;
  if (d.to) return `hạn ${formatDate(d.to)}`;
  if (d.from) return `từ ${formatDate(d.from)}`;
  return '';
}
