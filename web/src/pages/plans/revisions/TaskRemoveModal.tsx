import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PlanTaskView } from '../../../../../shared/contracts/plans';
import { errorMessageOf } from '../../../api/ApiError';
import { useApplyRevision } from '../../../api/revisions';
import { DATE_FORMAT, toIsoDate } from '../../../lib/dates';
import { showFieldErrors } from '../../../lib/forms';
import { ReasonFields, type ReasonValues, reasonOf } from './ReasonFields';

interface Values extends ReasonValues {
  effectiveOn: dayjs.Dayjs | null;
}

/** Removes a task from the plan from a date; its reports and history stay readable. */
export function TaskRemoveModal({
  planId,
  task,
  onClose,
}: {
  planId: number;
  task: PlanTaskView;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const apply = useApplyRevision(planId);
  const submit = (v: Values) => {
    const effectiveOn = toIsoDate(v.effectiveOn);
    if (!effectiveOn) return;
    apply.mutate(
      { ...reasonOf(v), change: { kind: 'task_remove', taskId: task.id, effectiveOn } },
      {
        onSuccess: () => {
          message.success(`Đã bãi bỏ nhiệm vụ ${task.ordinal}.`);
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
      title={`Bãi bỏ nhiệm vụ ${task.ordinal}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Bãi bỏ nhiệm vụ"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      confirmLoading={apply.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Nhiệm vụ không còn trong danh sách, không được tính tình trạng và không vào các kỳ báo cáo mới. Các
        báo cáo đã có của nhiệm vụ và lịch sử của nó vẫn được giữ.
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ effectiveOn: dayjs(), reason: '' }}
      >
        <Form.Item
          name="effectiveOn"
          label="Hết hiệu lực từ ngày"
          rules={[{ required: true, message: 'Hãy chọn ngày nhiệm vụ hết hiệu lực.' }]}
        >
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <ReasonFields />
      </Form>
    </Modal>
  );
}
