import type { TableColumnsType } from 'antd';
import type { User } from '../../../../shared/contracts/users';
import { ROLE_LABELS } from '../../../../shared/domain/auth/roles';
import { UserRowActions } from './UserRowActions';
import { UserStatusTag } from './UserStatusTag';

interface Options {
  canManage: boolean;
  currentUserId: number;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function userColumns({
  canManage,
  currentUserId,
  onEdit,
  onResetPassword,
}: Options): TableColumnsType<User> {
  const columns: TableColumnsType<User> = [
    { title: 'Tên đăng nhập', dataIndex: 'username', key: 'username', width: 150 },
    { title: 'Họ và tên', dataIndex: 'fullName', key: 'fullName' },
    { title: 'Cơ quan', dataIndex: 'organisationName', key: 'organisationName' },
    {
      title: 'Vai trò',
      dataIndex: 'role',
      key: 'role',
      render: (_: unknown, u: User) => ROLE_LABELS[u.role],
    },
    {
      title: 'Trạng thái',
      width: 140,
      dataIndex: 'active',
      key: 'active',
      render: (_: unknown, u: User) => <UserStatusTag active={u.active} />,
    },
  ];
  if (!canManage) return columns;
  return [
    ...columns,
    {
      title: 'Thao tác',
      key: 'actions',
      // Pinned so the actions stay reachable when the table scrolls sideways on small screens.
      fixed: 'right',
      width: 270,
      render: (_: unknown, u: User) => (
        <UserRowActions
          user={u}
          isSelf={u.id === currentUserId}
          onEdit={onEdit}
          onResetPassword={onResetPassword}
        />
      ),
    },
  ];
}
