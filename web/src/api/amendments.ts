import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplyAmendmentRequest,
  RevertAmendmentRequest,
} from '../../../shared/contracts/plan-amendments';
import { PLANS_KEY } from './plans';
import { REPORTING_KEY } from './reporting';
import { typedApi } from './typed';

const KEY = 'plan-amendments';
const REVISIONS_KEY = 'plan-revisions';

/** Where a file of the plan's history (an amending document) is downloaded. */
export const planFileUrl = (planId: number, fileId: number) => `/api/plans/${planId}/files/${fileId}`;

/** Uploads an amending document; the answer is the proposal read from it. */
export function useUploadAmendment(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return typedApi.post('/api/plans/{id}/amendments', { path: { id: planId }, form });
    },
    onSuccess: (a) => client.setQueryData([KEY, planId, a.id], a),
  });
}

export function useAmendment(planId: number, amendmentId: number) {
  return useQuery({
    queryKey: [KEY, planId, amendmentId],
    queryFn: ({ signal }) =>
      typedApi.get('/api/plans/{id}/amendments/{amendmentId}', { path: { id: planId, amendmentId }, signal }),
  });
}

const invalidateAll = (client: ReturnType<typeof useQueryClient>, planId: number) =>
  Promise.all([
    client.invalidateQueries({ queryKey: [KEY, planId] }),
    client.invalidateQueries({ queryKey: [REVISIONS_KEY, planId] }),
    client.invalidateQueries({ queryKey: [PLANS_KEY] }),
    client.invalidateQueries({ queryKey: [REPORTING_KEY] }),
  ]);

export function useApplyAmendment(planId: number, amendmentId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyAmendmentRequest) =>
      typedApi.post('/api/plans/{id}/amendments/{amendmentId}/apply', {
        path: { id: planId, amendmentId },
        body,
      }),
    onSuccess: () => invalidateAll(client, planId),
  });
}

export function useRevertAmendment(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ amendmentId, body }: { amendmentId: number; body: RevertAmendmentRequest }) =>
      typedApi.post('/api/plans/{id}/amendments/{amendmentId}/revert', {
        path: { id: planId, amendmentId },
        body,
      }),
    onSuccess: () => invalidateAll(client, planId),
  });
}

/** The amending document's file of a single change, uploaded before the change is sent. */
export function useUploadRevisionFile(planId: number) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return typedApi.post('/api/plans/{id}/revision-files', { path: { id: planId }, form });
    },
  });
}
