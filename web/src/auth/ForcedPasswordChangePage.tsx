import { Alert, Button, Card, Flex, Typography } from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useCurrentSession } from './SessionContext';
import { useLogoutAction } from './useLogoutAction';

/**
 * A password set by an administrator is known to two people; the account owner replaces it before
 * anything else. The session query refreshes after the change and lets the user into the app.
 */
export function ForcedPasswordChangePage() {
  const { user } = useCurrentSession();
  const { logout, isPending } = useLogoutAction();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 460 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Đổi mật khẩu lần đầu
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Xin chào ${user.fullName}. Bạn cần đặt mật khẩu mới trước khi sử dụng hệ thống.`}
        />
        <ChangePasswordForm onDone={() => {}} />
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button type="link" onClick={logout} loading={isPending}>
            Đăng xuất
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
