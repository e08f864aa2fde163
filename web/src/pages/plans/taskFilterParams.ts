import type { z } from 'zod';
import { type TaskListSort, taskListQuerySchema } from '../../../../shared/contracts/plans';
import type { TaskFilter } from '../../api/plans';

export const DEFAULT_PAGE_SIZE = 20;

const shape = taskListQuerySchema.shape;

/** One field of the address bar, read with the API's own rule; a value it would refuse is simply ignored. */
function read<T>(schema: z.ZodType<T>, raw: string | null): T | undefined {
  if (raw === null || raw === '') return undefined;
  const result = schema.safeParse(raw);
  return result.success ? result.data : undefined;
}

/**
 * The task filter lives in the address bar so a filtered list can be bookmarked and shared. A hand-edited
 * or outdated link never breaks the page: unreadable values fall back to "no filter".
 */
export function filterFromParams(params: URLSearchParams): TaskFilter {
  const role = read(shape.agencyRole, params.get('agencyRole'));
  return {
    q: read(shape.q, params.get('q')),
    // Links written before the rename say "agencyId"; they still select the same agency.
    organisationId: read(shape.organisationId, params.get('organisationId') ?? params.get('agencyId')),
    agencyRole: role === 'any' ? undefined : role,
    // The agency as it is now (its predecessors' tasks are its tasks) unless the link asks for the plan's.
    agencyAs: read(shape.agencyAs, params.get('agencyAs')) === 'plan' ? 'plan' : 'now',
    product: read(shape.product, params.get('product')),
    deadlineKind: read(shape.deadlineKind, params.get('deadlineKind')),
    deadlineYear: read(shape.deadlineYear, params.get('deadlineYear')),
    group: read(shape.group, params.get('group')),
    groupKey: read(shape.groupKey, params.get('groupKey')),
    year: read(shape.year, params.get('year')),
    status: read(shape.status, params.get('status')),
    // Only a sort other than the plan's order is kept, so a plain list has a plain address.
    sort: sortOf(read(shape.sort, params.get('sort'))),
    order: read(shape.order, params.get('order')) === 'desc' ? 'desc' : undefined,
    page: read(shape.page, params.get('page')) ?? 1,
    pageSize: read(shape.pageSize, params.get('pageSize')) ?? DEFAULT_PAGE_SIZE,
  };
}

/** Back to the address bar, leaving out defaults so shared links stay short. */
export function filterToParams(filter: TaskFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    if (key === 'agencyAs' && value === 'now') continue;
    out[key] = String(value);
  }
  return out;
}

function sortOf(sort: TaskListSort | undefined): TaskListSort | undefined {
  return sort === 'ordinal' ? undefined : sort;
}

/** Whether the list is narrowed (the status year and the order do not narrow it). */
export function hasActiveFilter(f: TaskFilter): boolean {
  return Boolean(
    f.q ||
      f.organisationId ||
      f.product ||
      f.deadlineKind ||
      f.deadlineYear ||
      f.group ||
      f.groupKey ||
      f.status,
  );
}
