import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/domain/auth/roles';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { useCurrentSession } from '../auth/SessionContext';
import { useLogoutAction } from '../auth/useLogoutAction';

/** Header block: who is logged in, for which agency and role, plus the account actions. */
export function UserPanel() {
  const { user } = useCurrentSession();
  const { logout, isPending } = useLogoutAction();
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <Flex align="center" gap={12} wrap="wrap" justify="flex-end">
      <Avatar icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
      <Flex vertical style={{ lineHeight: 1.3 }} data-testid="current-user">
        <Typography.Text strong>{user.fullName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {user.organisationName}
        </Typography.Text>
      </Flex>
      <Tag color="blue">{ROLE_LABELS[user.role]}</Tag>
      <Button icon={<KeyOutlined />} onClick={() => setChangingPassword(true)}>
        Đổi mật khẩu
      </Button>
      <Button icon={<LogoutOutlined />} onClick={logout} loading={isPending}>
        Đăng xuất
      </Button>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Flex>
  );
}
