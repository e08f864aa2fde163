import { MAX_DATE_YEAR, MIN_DATE_YEAR } from '../../../../shared/domain/calendar/iso-date';
import { idParam } from '../../lib/routeParams';
import type { BoardFilter } from './drillDown';

export interface BoardState extends BoardFilter {
  planId?: number | undefined;
}

/**
 * The dashboard's choices live in the address (Vietnamese keys, as the inbox and rates pages), so a
 * leader can bookmark "plan 148, Sở Tài chính" or send it to a colleague. Unreadable values are ignored.
 */
export function boardFromParams(params: URLSearchParams): BoardState {
  const year = Number(params.get('nam'));
  return {
    planId: idParam(params.get('ke-hoach') ?? undefined) ?? undefined,
    periodId: idParam(params.get('ky') ?? undefined) ?? undefined,
    organisationId: idParam(params.get('co-quan') ?? undefined) ?? undefined,
    group: params.get('nhom')?.trim() || undefined,
    // "theo=luc-giao": agencies as the plan named them; otherwise as they are now.
    agencyAs: params.get('theo') === 'luc-giao' ? 'plan' : undefined,
    year: Number.isInteger(year) && year >= MIN_DATE_YEAR && year <= MAX_DATE_YEAR ? year : undefined,
  };
}

export function boardToParams(b: BoardState): Record<string, string> {
  const out: Record<string, string> = {};
  if (b.planId) out['ke-hoach'] = String(b.planId);
  if (b.periodId) out.ky = String(b.periodId);
  if (b.organisationId) out['co-quan'] = String(b.organisationId);
  if (b.group) out.nhom = b.group;
  if (b.year) out.nam = String(b.year);
  if (b.agencyAs === 'plan') out.theo = 'luc-giao';
  return out;
}
