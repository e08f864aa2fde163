import type { AgencyResolution } from '../../../../shared/contracts/plan-import';
import { ORGANISATION_KIND_LABELS } from '../../../../shared/domain/organisations/kinds';
import { isUncertainResolution } from '../../../../shared/domain/plan-import/review';
import { groupLabel } from '../../lib/planLabels';

export interface ResolutionLook {
  label: string;
  color: string;
  /** Why it is highlighted, in the officer's words; null when the link can be trusted. */
  warning: string | null;
}

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** How a link to the registry reads in the review: the agency it points at and whether to double-check it. */
export function resolutionLook(r: AgencyResolution | null, nameOf: (id: number) => string): ResolutionLook {
  if (r === null) return { label: 'Chưa liên kết', color: 'red', warning: 'Chưa gắn với cơ quan nào' };
  const uncertain = isUncertainResolution(r);
  switch (r.type) {
    case 'organisation':
      if (r.notInForce) return notInForceLook(r.organisationId, r.notInForce, nameOf);
      return {
        label:
          r.confidence < 1
            ? `${nameOf(r.organisationId)} (${percent(r.confidence)})`
            : nameOf(r.organisationId),
        color: uncertain ? 'orange' : 'blue',
        warning: uncertain ? `Chỉ khớp ${percent(r.confidence)}, cần kiểm tra` : null,
      };
    case 'group':
      return {
        label:
          r.confidence < 1 ? `${groupLabel(r.groupKey)} (${percent(r.confidence)})` : groupLabel(r.groupKey),
        color: uncertain ? 'orange' : 'purple',
        warning: uncertain ? `Chỉ khớp ${percent(r.confidence)}, cần kiểm tra` : null,
      };
    case 'new':
      return {
        label: `Cơ quan mới: ${r.name} (${ORGANISATION_KIND_LABELS[r.kind]})`,
        color: 'gold',
        warning: 'Sẽ thêm cơ quan này vào danh mục khi xác nhận',
      };
    case 'unresolved':
      return { label: 'Chỉ giữ tên, không liên kết', color: 'red', warning: 'Không gắn với cơ quan nào' };
  }
}

const dayMonthYear = (iso: string) => iso.split('-').reverse().join('/');

/** A link to an agency that did not exist on the plan's date: say so, and name the proposed successor. */
function notInForceLook(
  organisationId: number,
  flag: { on: string; status: 'ended' | 'not_started'; successorId: number | null },
  nameOf: (id: number) => string,
): ResolutionLook {
  const when =
    flag.status === 'ended'
      ? `đã giải thể hoặc sáp nhập trước ngày ${dayMonthYear(flag.on)} của kế hoạch`
      : `chưa được thành lập vào ngày ${dayMonthYear(flag.on)} của kế hoạch`;
  const successor =
    flag.successorId === null ? '' : `; đề xuất cơ quan kế nhiệm: ${nameOf(flag.successorId)}`;
  return {
    label: `${nameOf(organisationId)} (không còn hiệu lực)`,
    color: 'orange',
    warning: `Cơ quan này ${when}${successor}`,
  };
}
