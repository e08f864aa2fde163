import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReorganisationCreate } from '../../../shared/contracts/reorganisations';
import { ORGS_KEY } from './organisations';
import { typedApi } from './typed';

const KEY = 'reorganisations';

export function useReorganisations() {
  return useQuery({
    queryKey: [KEY, 'list'],
    queryFn: ({ signal }) => typedApi.get('/api/reorganisations', { signal }),
    select: (d) => d.items,
  });
}

export function useReorganisation(id: number | null) {
  return useQuery({
    queryKey: [KEY, 'detail', id],
    queryFn: ({ signal }) => typedApi.get('/api/reorganisations/{id}', { path: { id: id! }, signal }),
    enabled: id !== null,
  });
}

/** Everything an applied or undone event changes: the registry, reports, tasks, users. */
function useRefreshAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function useCreateReorganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReorganisationCreate) => typedApi.post('/api/reorganisations', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function usePreviewReorganisation() {
  return useMutation({
    mutationFn: ({ id, taskChoices }: { id: number; taskChoices: Record<string, number> }) =>
      typedApi.post('/api/reorganisations/{id}/preview', { path: { id }, body: { taskChoices } }),
  });
}

export function useApplyReorganisation() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ id, taskChoices }: { id: number; taskChoices: Record<string, number> }) =>
      typedApi.post('/api/reorganisations/{id}/apply', { path: { id }, body: { taskChoices } }),
    onSuccess: refresh,
  });
}

export function useUndoReorganisation() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (id: number) => typedApi.post('/api/reorganisations/{id}/undo', { path: { id } }),
    onSuccess: refresh,
  });
}

export function useDiscardReorganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => typedApi.delete('/api/reorganisations/{id}', { path: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export { ORGS_KEY };
