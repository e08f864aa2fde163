import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './ApiError';
import { setUnauthenticatedHandler } from './client';

/** Retrying makes sense only when the server may answer differently next time (network, 5xx). */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ApiError)) return false;
  return error.code === 'NETWORK_ERROR' || error.status >= 500;
}

export const SESSION_QUERY_KEY = ['session'] as const;

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  setUnauthenticatedHandler(() => {
    // Whatever was cached belonged to the lost session; the guard sees `null` and redirects to login.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
    client.setQueryData(SESSION_QUERY_KEY, null);
  });
  return client;
}
