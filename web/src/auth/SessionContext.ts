import { createContext, useContext } from 'react';
import type { SessionResponse } from '../../../shared/contracts/auth';
import type { Action } from '../../../shared/domain/auth/permissions';

/** Provided by the login guard, so pages below it can rely on a session being present. */
export const SessionContext = createContext<SessionResponse | null>(null);

export function useCurrentSession(): SessionResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession được gọi ngoài vùng đã đăng nhập');
  return session;
}

/** Whether the logged-in user may perform `action`. Hiding is for convenience; the server enforces it. */
export function useCan(action: Action): boolean {
  return useCurrentSession().permissions.includes(action);
}
