import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanImport, PlanImportSummary, ReviewDraft } from '../../../shared/contracts/plan-import';
import { api } from './client';
import { ORGS_KEY } from './organisations';
import { PLANS_KEY } from './plans';

const IMPORTS_KEY = 'plan-imports';

function importKey(id: number) {
  return [IMPORTS_KEY, id] as const;
}

/** Where the uploaded file can be downloaded exactly as it was received. */
export function originalDocumentUrl(importId: number): string {
  return `/api/plan-imports/${importId}/original`;
}

export function usePlanImport(id: number) {
  return useQuery({
    queryKey: importKey(id),
    queryFn: ({ signal }) => api.get<PlanImport>(`/api/plan-imports/${id}`, undefined, signal),
    // The officer's unsaved edits live beside this data; a background refetch must not race them.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Drafts not yet confirmed or discarded, so an interrupted review can be picked up again. */
export function useOpenDrafts() {
  return useQuery({
    queryKey: [IMPORTS_KEY, 'open'],
    queryFn: ({ signal }) =>
      api
        .get<{ items: PlanImportSummary[] }>('/api/plan-imports', { status: 'draft' }, signal)
        .then((r) => r.items),
  });
}

export function useUploadPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<PlanImport>('/api/plan-imports', form);
    },
    // The review page opens right after; give it the draft without a second request.
    onSuccess: (imp) => queryClient.setQueryData(importKey(imp.id), imp),
  });
}

export function useSaveImportDraft(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; draft: ReviewDraft }) =>
      api.put<PlanImport>(`/api/plan-imports/${id}/draft`, input),
    onSuccess: (imp) => queryClient.setQueryData(importKey(id), imp),
  });
}

export function useConfirmImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ planId: number }>(`/api/plan-imports/${id}/confirm`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: importKey(id) });
      // A new plan, and possibly new agencies registered from it.
      void queryClient.invalidateQueries({ queryKey: [PLANS_KEY] });
      void queryClient.invalidateQueries({ queryKey: [ORGS_KEY] });
    },
  });
}

export function useDiscardImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>(`/api/plan-imports/${id}/discard`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKey(id) }),
  });
}
