import { ORGANISATION_GROUPS } from '../../../../shared/domain/organisations/groups';
import { TASK_STATUS_LABELS } from '../../../../shared/domain/task-status';
import type { TaskFacets, TaskFilter } from '../../api/plans';
import { DEADLINE_KIND_LABELS } from '../../lib/planLabels';

/**
 * The task list's filters as one Vietnamese line, for the printed page (the filter controls are not
 * printed): "Cơ quan: Sở Tài chính (chủ trì); Tình trạng năm 2026: Quá hạn". Empty when nothing narrows.
 */
export function describeTaskFilter(
  f: TaskFilter,
  facets: TaskFacets | undefined,
  statusYear: number,
): string {
  const parts: string[] = [];
  if (f.q) parts.push(`Từ khóa: “${f.q}”`);
  if (f.organisationId) {
    const name =
      facets?.agencies.find((a) => a.id === f.organisationId)?.name ?? `cơ quan số ${f.organisationId}`;
    const role = f.agencyRole === 'lead' ? ' (chủ trì)' : f.agencyRole === 'coordinator' ? ' (phối hợp)' : '';
    parts.push(`Cơ quan: ${name}${role}`);
  }
  if (f.groupKey) parts.push(`Nhóm cơ quan: ${ORGANISATION_GROUPS[f.groupKey].label}`);
  if (f.group) parts.push(`Nhóm nhiệm vụ: ${f.group}`);
  if (f.product) parts.push(`Sản phẩm: ${f.product}`);
  if (f.deadlineKind) parts.push(`Loại thời hạn: ${DEADLINE_KIND_LABELS[f.deadlineKind]}`);
  if (f.deadlineYear) parts.push(`Hạn trong năm ${f.deadlineYear}`);
  if (f.status) parts.push(`Tình trạng năm ${statusYear}: ${TASK_STATUS_LABELS[f.status]}`);
  return parts.join('; ');
}
