import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { typedApi } from './typed';

const KEY = 'publication';

/** Whether a plan's public page is up, and whether the caller may change that. */
export function usePublication(planId: number) {
  return useQuery({
    queryKey: [KEY, 'state', planId],
    queryFn: ({ signal }) => typedApi.get('/api/plans/{id}/publication', { path: { id: planId }, signal }),
  });
}

/** Puts the public page up (`true`) or takes it down (`false`). */
export function useSetPublication(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (publish: boolean) =>
      publish
        ? typedApi.post('/api/plans/{id}/publication', { path: { id: planId } })
        : typedApi.delete('/api/plans/{id}/publication', { path: { id: planId } }),
    onSuccess: (state) => client.setQueryData([KEY, 'state', planId], state),
  });
}

/** The public page's data, read without a session (404 while not published). */
export function usePublicPlan(planId: number) {
  return useQuery({
    queryKey: [KEY, 'public', planId],
    queryFn: ({ signal }) => typedApi.get('/api/public/plans/{id}', { path: { id: planId }, signal }),
    retry: false,
  });
}
