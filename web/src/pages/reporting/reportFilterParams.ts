import { REPORT_STATES, type ReportState } from '../../../../shared/contracts/reporting';
import type { ReportFilter } from '../../api/reporting';
import { idParam } from '../../lib/routeParams';

/**
 * The inbox filter lives in the address (Vietnamese keys), so a link from the periods page or a
 * colleague opens the same view. Without a state in the address the inbox shows what awaits review;
 * "tat-ca" shows every state.
 */
export function filterFromParams(params: URLSearchParams): ReportFilter {
  const state = params.get('trang-thai');
  const page = idParam(params.get('trang') ?? undefined) ?? 1;
  return {
    planId: idParam(params.get('ke-hoach') ?? undefined) ?? undefined,
    periodId: idParam(params.get('ky') ?? undefined) ?? undefined,
    organisationId: idParam(params.get('co-quan') ?? undefined) ?? undefined,
    state:
      state === null
        ? 'submitted'
        : (REPORT_STATES as readonly string[]).includes(state)
          ? (state as ReportState)
          : undefined,
    page,
    pageSize: 20,
  };
}

export function paramsFromFilter(f: ReportFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.planId) out['ke-hoach'] = String(f.planId);
  if (f.periodId) out.ky = String(f.periodId);
  if (f.organisationId) out['co-quan'] = String(f.organisationId);
  out['trang-thai'] = f.state ?? 'tat-ca';
  if (f.page > 1) out.trang = String(f.page);
  return out;
}
