import { App, Button, Popconfirm, Space, Tooltip } from 'antd';
import type { User } from '../../../../shared/contracts/users';
import { errorMessageOf } from '../../api/ApiError';
import { useUpdateUser } from '../../api/users';

interface Props {
  user: User;
  isSelf: boolean;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UserRowActions({ user, isSelf, onEdit, onResetPassword }: Props) {
  const { message } = App.useApp();
  const update = useUpdateUser();
  const locking = user.active;

  const toggleActive = () =>
    update.mutate(
      { id: user.id, patch: { active: !user.active } },
      {
        onSuccess: () =>
          message.success(
            locking ? `Đã khóa tài khoản ${user.username}.` : `Đã mở khóa tài khoản ${user.username}.`,
          ),
        onError: (error) => message.error(errorMessageOf(error)),
      },
    );

  const lockButton = (
    <Button size="small" type="link" danger={locking} loading={update.isPending} disabled={isSelf && locking}>
      {locking ? 'Khóa' : 'Mở khóa'}
    </Button>
  );

  return (
    <Space size={0} data-testid={`user-actions-${user.username}`}>
      <Button size="small" type="link" onClick={() => onEdit(user)}>
        Sửa
      </Button>
      {isSelf && locking ? (
        // Locking yourself out would leave nobody able to undo it from this screen.
        <Tooltip title="Không thể tự khóa tài khoản của mình">{lockButton}</Tooltip>
      ) : (
        <Popconfirm
          title={locking ? 'Khóa tài khoản này?' : 'Mở khóa tài khoản này?'}
          description={
            locking
              ? `${user.fullName} sẽ không đăng nhập được cho đến khi được mở khóa.`
              : `${user.fullName} sẽ đăng nhập lại được.`
          }
          okText={locking ? 'Khóa' : 'Mở khóa'}
          cancelText="Hủy"
          onConfirm={toggleActive}
        >
          {lockButton}
        </Popconfirm>
      )}
      <Button size="small" type="link" onClick={() => onResetPassword(user)}>
        Đặt lại mật khẩu
      </Button>
    </Space>
  );
}
