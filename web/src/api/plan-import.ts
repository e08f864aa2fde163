import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewDraft } from '../../../shared/contracts/plan-import';
import { ORGS_KEY } from './organisations';
import { PLANS_KEY } from './plans';
import { typedApi } from './typed';

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
    queryFn: ({ signal }) => typedApi.get('/api/plan-imports/{id}', { path: { id }, signal }),
    // The officer's unsaved edits live beside this data; a background refetch must not race them.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Drafts not yet confirmed or discarded, so an interrupted review can be picked up again. */
export function useOpenDrafts() {
  return useQuery({
    queryKey: [IMPORTS_KEY, 'open'],
    queryFn: ({ signal }) =>
      typedApi.get('/api/plan-imports', { query: { status: 'draft' }, signal }).then((r) => r.items),
  });
}

export function useUploadPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return typedApi.post('/api/plan-imports', { form });
    },
    // The review page opens right after; give it the draft without a second request.
    onSuccess: (imp) => queryClient.setQueryData(importKey(imp.id), imp),
  });
}

export function useSaveImportDraft(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; draft: ReviewDraft }) =>
      typedApi.put('/api/plan-imports/{id}/draft', { path: { id }, body: input }),
    onSuccess: (imp) => queryClient.setQueryData(importKey(id), imp),
  });
}

export function useConfirmImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => typedApi.post('/api/plan-imports/{id}/confirm', { path: { id } }),
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
    mutationFn: () => typedApi.post('/api/plan-imports/{id}/discard', { path: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKey(id) }),
  });
}
