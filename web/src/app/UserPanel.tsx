import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Grid, Tag, Tooltip, Typography } from 'antd';
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
  // On phones the names do not fit beside the buttons; the avatar's tooltip still tells who is logged in.
  const compact = !Grid.useBreakpoint().md;
  const who = `${user.fullName} — ${user.organisationName} — ${ROLE_LABELS[user.role]}`;

  return (
    <Flex align="center" gap={12} justify="flex-end">
      <Tooltip title={compact ? who : undefined}>
        <Avatar icon={<UserOutlined />} style={{ backgroundColor: '#1677ff', flexShrink: 0 }} />
      </Tooltip>
      {!compact && (
        <>
          <Flex vertical style={{ lineHeight: 1.3 }} data-testid="current-user">
            <Typography.Text strong>{user.fullName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {user.organisationName}
            </Typography.Text>
          </Flex>
          <Tag color="blue">{ROLE_LABELS[user.role]}</Tag>
        </>
      )}
      <Button
        icon={<KeyOutlined />}
        onClick={() => setChangingPassword(true)}
        aria-label="Đổi mật khẩu"
        title={compact ? 'Đổi mật khẩu' : undefined}
      >
        {compact ? null : 'Đổi mật khẩu'}
      </Button>
      <Button
        icon={<LogoutOutlined />}
        onClick={logout}
        loading={isPending}
        aria-label="Đăng xuất"
        title={compact ? 'Đăng xuất' : undefined}
      >
        {compact ? null : 'Đăng xuất'}
      </Button>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Flex>
  );
}
