import { QueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '../../../shared/contracts/auth';
import { ApiError } from './ApiError';
import { setCsrfToken, setUnauthenticatedHandler } from './client';

/** Retrying makes sense only when the server may answer differently next time (network, 5xx). */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ApiError)) return false;
  return error.code === 'NETWORK_ERROR' || error.status >= 500;
}

export const SESSION_QUERY_KEY = ['session'] as const;

/**
 * Drops everything cached for the previous user and records the new session (or `null`). The session
 * query itself is kept, only overwritten, so components watching it are told about the change.
 */
export function replaceSession(client: QueryClient, session: SessionResponse | null): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
  setCsrfToken(session?.csrfToken ?? null);
  client.setQueryData(SESSION_QUERY_KEY, session);
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  setUnauthenticatedHandler(() => {
    // Whatever was cached belonged to the lost session; the guard sees `null` and redirects to login.
    replaceSession(client, null);
  });
  return client;
}
