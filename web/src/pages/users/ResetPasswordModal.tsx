import { App, Form, Input, Modal, Typography } from 'antd';
import { resetPasswordRequestSchema, type User } from '../../../../shared/contracts/users';
import { errorMessageOf } from '../../api/ApiError';
import { useResetUserPassword } from '../../api/users';
import { showFieldErrors, zodRule } from '../../lib/forms';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const reset = useResetUserPassword();

  const submit = ({ password }: { password: string }) => {
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          message.success(`Đã đặt lại mật khẩu cho ${user.username}.`);
          onClose();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
        },
      },
    );
  };

  return (
    <Modal
      title="Đặt lại mật khẩu"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Đặt lại mật khẩu"
      cancelText="Hủy"
      confirmLoading={reset.isPending}
    >
      <Typography.Paragraph>
        Đặt mật khẩu mới cho <Typography.Text strong>{user.fullName}</Typography.Text> ({user.username}).
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item
          label="Mật khẩu mới"
          name="password"
          required
          rules={[zodRule(resetPasswordRequestSchema.shape.password)]}
          extra="Ít nhất 10 ký tự. Hãy chuyển mật khẩu cho người dùng qua kênh an toàn."
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
