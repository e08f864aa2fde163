import { App, Form, Input, Modal, Select } from 'antd';
import { groupRenameChangeSchema } from '../../../../../shared/contracts/plan-revisions';
import { errorMessageOf } from '../../../api/ApiError';
import { useTaskFacets } from '../../../api/plans';
import { useApplyRevision } from '../../../api/revisions';
import { showFieldErrors, zodRule } from '../../../lib/forms';
import { ReasonFields, type ReasonValues, reasonOf } from './ReasonFields';

interface Values extends ReasonValues {
  from?: string;
  to: string;
}

/** Renames a task group on every task of it, with the reason. */
export function GroupRenameModal({ planId, onClose }: { planId: number; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const facets = useTaskFacets(planId);
  const apply = useApplyRevision(planId);
  const submit = (v: Values) => {
    if (!v.from) return;
    apply.mutate(
      { ...reasonOf(v), change: { kind: 'group_rename', from: v.from, to: v.to.trim() } },
      {
        onSuccess: () => {
          message.success('Đã đổi tên nhóm nhiệm vụ.');
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
      title="Đổi tên nhóm nhiệm vụ"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Đổi tên"
      cancelText="Hủy"
      confirmLoading={apply.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ reason: '', to: '' }}>
        <Form.Item
          name="from"
          label="Nhóm nhiệm vụ"
          rules={[{ required: true, message: 'Hãy chọn nhóm nhiệm vụ' }]}
        >
          <Select
            loading={facets.isPending}
            options={(facets.data?.groups ?? []).map((g) => ({ value: g, label: g }))}
            onChange={(g: string) => form.setFieldValue('to', g)}
            placeholder="Chọn nhóm"
          />
        </Form.Item>
        <Form.Item name="to" label="Tên mới" rules={[zodRule(groupRenameChangeSchema.shape.to)]}>
          <Input maxLength={300} />
        </Form.Item>
        <ReasonFields />
      </Form>
    </Modal>
  );
}
