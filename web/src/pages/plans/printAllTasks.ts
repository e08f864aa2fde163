import type { PlanTaskListItem } from '../../../../shared/contracts/plans';
import type { TaskFilter } from '../../api/plans';
import { typedApi } from '../../api/typed';

/** At most this many tasks go to paper; a longer list is cut, and the page says so. */
export const PRINT_TASK_LIMIT = 2000;
const PAGE = 200;

export interface PrintableTasks {
  items: PlanTaskListItem[];
  /** How many tasks the filter finds (more than `items` when cut at the limit). */
  total: number;
}

/** Every task the filter finds, in the list's order, page by page up to the limit. */
export async function loadTasksForPrint(planId: number, filter: TaskFilter): Promise<PrintableTasks> {
  const items: PlanTaskListItem[] = [];
  let total = 0;
  for (let page = 1; items.length < PRINT_TASK_LIMIT; page++) {
    const res = await typedApi.get('/api/plans/{id}/tasks', {
      path: { id: planId },
      query: { ...filter, page, pageSize: PAGE },
    });
    total = res.total;
    items.push(...res.items);
    if (res.items.length < PAGE || items.length >= total) break;
  }
  return { items: items.slice(0, PRINT_TASK_LIMIT), total };
}

/** The note printed (and shown) when the list is longer than the limit, in Vietnamese. */
export function cutNote(p: PrintableTasks): string | undefined {
  if (p.total <= p.items.length) return undefined;
  return `Danh sách có ${p.total.toLocaleString('vi-VN')} nhiệm vụ; bản in gồm ${p.items.length.toLocaleString('vi-VN')} nhiệm vụ đầu. Hãy lọc bớt để in đủ.`;
}
