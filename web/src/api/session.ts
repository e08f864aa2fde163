import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, SessionResponse } from '../../../shared/contracts/auth';
import { ApiError } from './ApiError';
import { setCsrfToken } from './client';
import { replaceSession, SESSION_QUERY_KEY } from './queryClient';
import { typedApi } from './typed';

async function fetchSession(signal: AbortSignal): Promise<SessionResponse | null> {
  try {
    const session = await typedApi.get('/api/auth/session', { signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    // Not being logged in is a normal state, not an error to display.
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The current session: `null` when nobody is logged in, `undefined` while loading. */
export function useSessionQuery() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginRequest) => typedApi.post('/api/auth/login', { body: input }),
    // Data cached for a previous user must not show through to the next one.
    onSuccess: (session) => replaceSession(queryClient, session),
  });
}

export function useLogout() {
  return useMutation({ mutationFn: () => typedApi.post('/api/auth/logout') });
}

export function useChangeOwnPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordRequest) => typedApi.post('/api/auth/password', { body: input }),
    // The server clears mustChangePassword; reload the session to let the user through.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
  });
}
