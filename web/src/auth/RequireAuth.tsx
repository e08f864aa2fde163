import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSessionQuery } from '../api/session';
import { FullPageSpinner } from '../components/FullPageSpinner';
import { ServerUnavailablePage } from '../pages/errors/ServerUnavailablePage';
import { ForcedPasswordChangePage } from './ForcedPasswordChangePage';
import { SessionContext } from './SessionContext';

export interface LoginRedirectState {
  from?: string;
}

/** Gate for everything behind login: checks the session, then makes it available to the pages. */
export function RequireAuth() {
  const location = useLocation();
  const { data: session, isPending, error, refetch } = useSessionQuery();

  if (isPending) return <FullPageSpinner tip="Đang kiểm tra phiên đăng nhập…" />;
  if (error) return <ServerUnavailablePage error={error} onRetry={() => void refetch()} />;
  if (!session) {
    const state: LoginRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/dang-nhap" replace state={state} />;
  }
  return (
    <SessionContext value={session}>
      {session.user.mustChangePassword ? <ForcedPasswordChangePage /> : <Outlet />}
    </SessionContext>
  );
}
