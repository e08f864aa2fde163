import { App } from 'antd';
import { ApiError, errorMessageOf } from '../api/ApiError';
import { useLogout } from '../api/session';

/**
 * A full page load to the login page rather than client-side navigation: it wipes every cached record
 * and the in-memory CSRF token at once, and the next person to log in on this browser starts at home
 * instead of being sent back to the page the previous user had open.
 */
function leaveToLogin(): void {
  window.location.assign('/dang-nhap');
}

/** Logs out and lands on the login page; a failure is explained instead of silently keeping the session. */
export function useLogoutAction() {
  const logoutMutation = useLogout();
  const { message } = App.useApp();
  const logout = () => {
    logoutMutation.mutate(undefined, {
      onSuccess: leaveToLogin,
      onError: (error) => {
        // Already logged out on the server: the user got what they asked for.
        if (error instanceof ApiError && error.status === 401) leaveToLogin();
        else message.error(errorMessageOf(error));
      },
    });
  };
  return { logout, isPending: logoutMutation.isPending };
}
