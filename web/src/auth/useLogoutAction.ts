import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessageOf } from '../api/ApiError';
import { useLogout } from '../api/session';

/** Logs out and lands on the login page; a failure is explained instead of silently keeping the session. */
export function useLogoutAction() {
  const logoutMutation = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // No "from" state: the next person to log in on this browser should start at the home page.
  const toLogin = () => navigate('/dang-nhap', { replace: true, state: null });
  const logout = () => {
    logoutMutation.mutate(undefined, {
      onSuccess: () => {
        message.success('Đã đăng xuất.');
        toLogin();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) toLogin();
        else message.error(errorMessageOf(error));
      },
    });
  };
  return { logout, isPending: logoutMutation.isPending };
}
