import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanEndUndoRequest, RevisionRequest } from '../../../shared/contracts/plan-revisions';
import { PLANS_KEY } from './plans';
import { REPORTING_KEY } from './reporting';
import { typedApi } from './typed';

const KEY = 'plan-revisions';

/** The plan's history of changes, newest first, and whether the caller may change the plan. */
export function usePlanRevisions(planId: number) {
  return useQuery({
    queryKey: [KEY, planId, 'plan'],
    queryFn: ({ signal }) => typedApi.get('/api/plans/{id}/revisions', { path: { id: planId }, signal }),
  });
}

/** One task's history of changes. */
export function useTaskRevisions(planId: number, taskId: number) {
  return useQuery({
    queryKey: [KEY, planId, 'task', taskId],
    queryFn: ({ signal }) =>
      typedApi.get('/api/plans/{id}/tasks/{taskId}/revisions', { path: { id: planId, taskId }, signal }),
  });
}

/**
 * Applies one change with its reason; everything shown of the plan is read again, and the reporting
 * screens too (a task's history and reports show its deadline and the status judged on it).
 */
export function useApplyRevision(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RevisionRequest) =>
      typedApi.post('/api/plans/{id}/revisions', { path: { id: planId }, body }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: [KEY, planId] }),
        client.invalidateQueries({ queryKey: [PLANS_KEY] }),
        client.invalidateQueries({ queryKey: [REPORTING_KEY] }),
      ]);
    },
  });
}

/**
 * Undoes the plan's end (bãi bỏ / thay thế): the plan is in force again; the tasks taken over leave the
 * replacing plan, whose history and task list are read again too.
 */
export function useUndoPlanEnd(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanEndUndoRequest) =>
      typedApi.post('/api/plans/{id}/end/undo', { path: { id: planId }, body }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: [KEY] }),
        client.invalidateQueries({ queryKey: [PLANS_KEY] }),
        client.invalidateQueries({ queryKey: [REPORTING_KEY] }),
      ]);
    },
  });
}
