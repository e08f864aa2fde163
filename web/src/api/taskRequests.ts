import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateTaskRequest,
  DecideTaskRequest,
  TaskRequestState,
} from '../../../shared/contracts/task-requests';
import { PLANS_KEY } from './plans';
import { REPORTING_KEY } from './reporting';
import { typedApi } from './typed';

const KEY = 'task-requests';

/** A task's requests with their outcome, and whether the caller may file one (its lead's users). */
export function useTaskRequests(taskId: number) {
  return useQuery({
    queryKey: [KEY, 'task', taskId],
    queryFn: ({ signal }) => typedApi.get('/api/tasks/{id}/requests', { path: { id: taskId }, signal }),
  });
}

/** Where a request's document is downloaded (by the requesting and the consolidating agency). */
export const taskRequestFileUrl = (requestId: number) => `/api/task-requests/${requestId}/file`;

/** New requests should show in the menu without a reload; a minute's delay is fine, as for notifications. */
const POLL_MS = 60_000;

/** The coordinator's queue ("Đề nghị chờ duyệt") in one state, with the counts of every state. */
export function useTaskRequestQueue(state: TaskRequestState, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'queue', state],
    queryFn: ({ signal }) => typedApi.get('/api/task-requests', { query: { state }, signal }),
    enabled,
  });
}

/**
 * How many requests wait for the caller's decision (the side menu's count): the queue's own counts, the
 * same scope as the queue, read again every minute and after every decision (same query key as the
 * queue's "Chờ duyệt" tab). Only for users who decide (`plans.revise`).
 */
export function usePendingTaskRequestCount(enabled: boolean): number {
  const q = useQuery({
    queryKey: [KEY, 'queue', 'pending'],
    queryFn: ({ signal }) =>
      typedApi.get('/api/task-requests', { query: { state: 'pending' as const }, signal }),
    enabled,
    refetchInterval: POLL_MS,
  });
  return enabled ? (q.data?.counts.pending ?? 0) : 0;
}

/** Uploads the agency's document for a request; the answer's id goes with the request (`fileId`). */
export function useUploadTaskRequestFile(taskId: number) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return typedApi.post('/api/tasks/{id}/request-files', { path: { id: taskId }, form });
    },
  });
}

export function useFileTaskRequest(taskId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaskRequest) =>
      typedApi.post('/api/tasks/{id}/requests', { path: { id: taskId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Approve or refuse; an approval changes the task, so the plan and reporting screens are read again. */
export function useDecideTaskRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { planId: number; requestId: number; body: DecideTaskRequest }) =>
      typedApi.post('/api/plans/{id}/task-requests/{requestId}/decision', {
        path: { id: v.planId, requestId: v.requestId },
        body: v.body,
      }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: [KEY] }),
        client.invalidateQueries({ queryKey: ['plan-revisions'] }),
        client.invalidateQueries({ queryKey: [PLANS_KEY] }),
        client.invalidateQueries({ queryKey: [REPORTING_KEY] }),
      ]);
    },
  });
}
