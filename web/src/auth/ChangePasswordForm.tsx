import { App, Button, Form, Input } from 'antd';
import { changePasswordRequestSchema } from '../../../shared/contracts/auth';
import { errorMessageOf } from '../api/ApiError';
import { useChangeOwnPassword } from '../api/session';
import { showFieldErrors, zodRule } from '../lib/forms';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const { currentPassword, newPassword } = changePasswordRequestSchema.shape;

/** Used both in the voluntary dialog and on the forced first-login page. */
export function ChangePasswordForm({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const change = useChangeOwnPassword();

  const submit = (values: Values) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success('Đã đổi mật khẩu.');
          form.resetFields();
          onDone();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off">
      <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[zodRule(currentPassword)]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="Mật khẩu mới"
        name="newPassword"
        rules={[zodRule(newPassword)]}
        extra="Ít nhất 10 ký tự. Nên dùng một cụm từ dễ nhớ với bạn nhưng khó đoán với người khác."
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="Nhập lại mật khẩu mới"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: 'Vui lòng nhập lại mật khẩu mới' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value !== getFieldValue('newPassword'))
                throw new Error('Mật khẩu nhập lại không khớp');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
        {onCancel && (
          <Button onClick={onCancel} style={{ marginRight: 8 }}>
            Hủy
          </Button>
        )}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          Đổi mật khẩu
        </Button>
      </Form.Item>
    </Form>
  );
}
