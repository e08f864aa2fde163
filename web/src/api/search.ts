import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SEARCH_MIN_LENGTH } from '../../../shared/contracts/search';
import { typedApi } from './typed';

/** Whether a typed text is long enough to search (the server refuses shorter ones). */
export const searchable = (q: string) => q.trim().length >= SEARCH_MIN_LENGTH;

/** GET /api/search: plans, tasks, reports and agencies matching `q`, `limit` of each kind. */
export function useSearch(q: string, limit: number) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text, limit],
    queryFn: ({ signal }) => typedApi.get('/api/search', { query: { q: text, limit }, signal }),
    enabled: searchable(text),
    // Keep the previous results while the next keystroke's answer loads, so the list does not flicker.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
