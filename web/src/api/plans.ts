import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  planListResponseSchema,
  TaskListQuery,
  taskFacetsSchema,
  taskListResponseSchema,
} from '../../../shared/contracts/plans';
import { typedApi } from './typed';

export type PlanList = z.infer<typeof planListResponseSchema>;
export type TaskList = z.infer<typeof taskListResponseSchema>;
export type TaskFacets = z.infer<typeof taskFacetsSchema>;
/** The task filter as the page holds it: every filter optional, paging always set. */
export type TaskFilter = Partial<Omit<TaskListQuery, 'page' | 'pageSize'>> & {
  page: number;
  pageSize: number;
};

export const PLANS_KEY = 'plans';

/** One page of plans (newest first); `q` searches number, title and kind. */
export function usePlanList(query: { q?: string | undefined; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [PLANS_KEY, 'list', query.q ?? '', query.page, query.pageSize],
    queryFn: ({ signal }) => typedApi.get('/api/plans', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number, enabled = true) {
  return useQuery({
    queryKey: [PLANS_KEY, 'detail', id],
    queryFn: ({ signal }) => typedApi.get('/api/plans/{id}', { path: { id }, signal }),
    enabled,
  });
}

export function usePlanTasks(planId: number, filter: TaskFilter) {
  return useQuery({
    queryKey: [PLANS_KEY, 'tasks', planId, filter],
    queryFn: ({ signal }) =>
      typedApi.get('/api/plans/{id}/tasks', { path: { id: planId }, query: filter, signal }),
    // Keep the old page visible while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });
}

export function useTaskFacets(planId: number) {
  return useQuery({
    queryKey: [PLANS_KEY, 'facets', planId],
    queryFn: ({ signal }) => typedApi.get('/api/plans/{id}/task-facets', { path: { id: planId }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function usePlanTask(planId: number, taskId: number) {
  return useQuery({
    queryKey: [PLANS_KEY, 'task', planId, taskId],
    queryFn: ({ signal }) =>
      typedApi.get('/api/plans/{id}/tasks/{taskId}', { path: { id: planId, taskId }, signal }),
  });
}
