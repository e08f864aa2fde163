import { App, Form, Input, Modal } from 'antd';
import { type User, updateUserRequestSchema } from '../../../../shared/contracts/users';
import type { Role } from '../../../../shared/domain/auth/roles';
import { errorMessageOf } from '../../api/ApiError';
import { useUpdateUser } from '../../api/users';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { RoleSelect } from '../../components/RoleSelect';
import { blankToNull, showFieldErrors, zodRule } from '../../lib/forms';

interface Values {
  fullName: string;
  email?: string;
  role: Role;
  organisationId: number;
}

const fields = updateUserRequestSchema.shape;

/** Rendered only while a user is being edited, so the form starts from that user's current values. */
export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const update = useUpdateUser();

  const submit = (values: Values) => {
    const patch = { ...values, email: (blankToNull(values.email) as string | null) ?? null };
    update.mutate(
      { id: user.id, patch },
      {
        onSuccess: () => {
          message.success(`Đã lưu thông tin người dùng ${user.username}.`);
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
      title={`Sửa người dùng ${user.username}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={update.isPending}
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        initialValues={{
          fullName: user.fullName,
          email: user.email ?? '',
          role: user.role,
          organisationId: user.organisationId,
        }}
      >
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
          <OrganisationSelect onlyCurrent />
        </Form.Item>
      </Form>
    </Modal>
  );
}
