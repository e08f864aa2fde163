import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewDraft } from '../../../shared/contracts/plan-import';
import { ORGS_KEY } from './organisations';
import { PLANS_KEY } from './plans';
import { typedApi } from './typed';

/** Plans entered by hand (issue 13 item 5): drafts under /api/plan-drafts, reviewed like an import. */
const DRAFTS_KEY = 'plan-drafts';
const draftKey = (id: number) => [DRAFTS_KEY, id] as const;

export function useHandMadeDraft(id: number) {
  return useQuery({
    queryKey: draftKey(id),
    queryFn: ({ signal }) => typedApi.get('/api/plan-drafts/{id}', { path: { id }, signal }),
    // The officer's unsaved edits live beside this data; a background refetch must not race them.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Hand-made drafts the user may continue. */
export function useHandMadeDrafts(enabled: boolean) {
  return useQuery({
    queryKey: [DRAFTS_KEY, 'open'],
    queryFn: ({ signal }) => typedApi.get('/api/plan-drafts', { signal }).then((r) => r.items),
    enabled,
  });
}

export function useCreateHandMadeDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consolidatorId: number) => typedApi.post('/api/plan-drafts', { body: { consolidatorId } }),
    onSuccess: (imp) => {
      queryClient.setQueryData(draftKey(imp.id), imp);
      void queryClient.invalidateQueries({ queryKey: [DRAFTS_KEY, 'open'] });
    },
  });
}

export function useSaveHandMadeDraft(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; draft: ReviewDraft }) =>
      typedApi.put('/api/plan-drafts/{id}', { path: { id }, body: input }),
    onSuccess: (imp) => {
      queryClient.setQueryData(draftKey(id), imp);
      void queryClient.invalidateQueries({ queryKey: [DRAFTS_KEY, 'open'] });
    },
  });
}

export function useConfirmHandMadeDraft(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => typedApi.post('/api/plan-drafts/{id}/confirm', { path: { id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [DRAFTS_KEY] });
      void queryClient.invalidateQueries({ queryKey: [PLANS_KEY] });
      void queryClient.invalidateQueries({ queryKey: [ORGS_KEY] });
    },
  });
}

export function useDiscardHandMadeDraft(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => typedApi.post('/api/plan-drafts/{id}/discard', { path: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [DRAFTS_KEY] }),
  });
}
