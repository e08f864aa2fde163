import { App, Form, Input, Modal } from 'antd';
import { type CreateUserRequest, createUserRequestSchema } from '../../../../shared/contracts/users';
import { ApiError, errorMessageOf } from '../../api/ApiError';
import { useCreateUser } from '../../api/users';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { RoleSelect } from '../../components/RoleSelect';
import { blankToNull, showFieldErrors, zodRule } from '../../lib/forms';

type Values = Omit<CreateUserRequest, 'email'> & { email?: string };

const fields = createUserRequestSchema.shape;

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateUser();

  const submit = (values: Values) => {
    const input: CreateUserRequest = {
      ...values,
      email: (blankToNull(values.email) as string | null) ?? null,
    };
    create.mutate(input, {
      onSuccess: (user) => {
        message.success(`Đã thêm người dùng ${user.username}.`);
        onClose();
      },
      onError: (error) => {
        if (showFieldErrors(form, error)) return;
        // The only uniqueness rule on a new account is its username; point at that box, not just a toast.
        if (error instanceof ApiError && error.code === 'CONFLICT') {
          form.setFields([{ name: 'username', errors: [error.message] }]);
        } else {
          message.error(errorMessageOf(error));
        }
      },
    });
  };

  return (
    <Modal
      title="Thêm người dùng"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Thêm người dùng"
      cancelText="Hủy"
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off" preserve={false}>
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          required
          rules={[zodRule(fields.username)]}
          extra="Chữ thường không dấu, ví dụ: taichinh.nguyenvana"
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Họ và tên" name="fullName" required rules={[zodRule(fields.fullName)]}>
          <Input />
        </Form.Item>
        <Form.Item label="Thư điện tử" name="email" rules={[zodRule(fields.email, blankToNull)]}>
          <Input type="email" placeholder="Không bắt buộc" />
        </Form.Item>
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
          <RoleSelect />
        </Form.Item>
        <Form.Item
          label="Cơ quan"
          name="organisationId"
          rules={[{ required: true, message: 'Vui lòng chọn cơ quan' }]}
        >
          <OrganisationSelect onlyCurrent placeholder="Gõ tên cơ quan để tìm" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu ban đầu"
          name="password"
          required
          rules={[zodRule(fields.password)]}
          extra="Ít nhất 10 ký tự. Hãy chuyển mật khẩu cho người dùng qua kênh an toàn."
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
