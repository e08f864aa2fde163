import type { ReactNode } from 'react';
import type { Action } from '../../../shared/domain/auth/permissions';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage';
import { useCan } from './SessionContext';

/** Wraps a page: users who typed its address without the right permission get a clear 403 page. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const allowed = useCan(action);
  return allowed ? children : <ForbiddenPage />;
}
