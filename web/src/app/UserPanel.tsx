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
  const screens = Grid.useBreakpoint();
  // On phones the names do not fit beside the buttons; the avatar's tooltip still tells who is logged in.
  const compact = !screens.md;
  // On a tablet or a narrow window (below 1200 px) the buttons keep only their icons and the role tag
  // goes, so the name is not squeezed into a column one letter wide beside the search box.
  const iconButtons = !screens.xl;
  const showRole = !!screens.lg;
  const who = `${user.fullName} — ${user.organisationName} — ${ROLE_LABELS[user.role]}`;

  return (
    <Flex align="center" gap={12} justify="flex-end">
      <Tooltip title={compact || !showRole ? who : undefined}>
        <Avatar icon={<UserOutlined />} style={{ backgroundColor: '#1677ff', flexShrink: 0 }} />
      </Tooltip>
      {!compact && (
        <>
          <Flex vertical style={{ lineHeight: 1.3, minWidth: 0, flexShrink: 1 }} data-testid="current-user">
            <Typography.Text strong ellipsis style={{ maxWidth: 220, whiteSpace: 'nowrap' }}>
              {user.fullName}
            </Typography.Text>
            <Typography.Text
              type="secondary"
              ellipsis
              style={{ fontSize: 12, maxWidth: 220, whiteSpace: 'nowrap' }}
            >
              {user.organisationName}
            </Typography.Text>
          </Flex>
          {showRole && <Tag color="blue">{ROLE_LABELS[user.role]}</Tag>}
        </>
      )}
      <Button
        icon={<KeyOutlined />}
        onClick={() => setChangingPassword(true)}
        aria-label="Đổi mật khẩu"
        title={iconButtons ? 'Đổi mật khẩu' : undefined}
      >
        {iconButtons ? null : 'Đổi mật khẩu'}
      </Button>
      <Button
        icon={<LogoutOutlined />}
        onClick={logout}
        loading={isPending}
        aria-label="Đăng xuất"
        title={iconButtons ? 'Đăng xuất' : undefined}
      >
        {iconButtons ? null : 'Đăng xuất'}
      </Button>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Flex>
  );
}
