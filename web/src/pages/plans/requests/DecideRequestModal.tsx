import { App, Form, Input, Modal, Typography } from 'antd';
import type { TaskRequestView } from '../../../../../shared/contracts/task-requests';
import { errorMessageOf } from '../../../api/ApiError';
import { useDecideTaskRequest } from '../../../api/taskRequests';
import { showFieldErrors } from '../../../lib/forms';

/** Approve (the task is changed as a revision citing the request) or refuse with a reason. */
export function DecideRequestModal({
  request,
  decision,
  onClose,
}: {
  request: TaskRequestView;
  decision: 'approve' | 'refuse';
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const decide = useDecideTaskRequest();
  const approve = decision === 'approve';
  const submit = (v: { reason: string }) =>
    decide.mutate(
      {
        planId: request.plan.id,
        requestId: request.id,
        body: approve
          ? { decision: 'approve', reason: v.reason || null }
          : { decision: 'refuse', reason: v.reason },
      },
      {
        onSuccess: () => {
          message.success(
            approve ? 'Đã chấp thuận; kế hoạch đã được sửa theo đề nghị.' : 'Đã trả lời không chấp thuận.',
          );
          onClose();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
        },
      },
    );
  return (
    <Modal
      title={approve ? 'Chấp thuận đề nghị' : 'Không chấp thuận đề nghị'}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={approve ? 'Chấp thuận và sửa kế hoạch' : 'Không chấp thuận'}
      okButtonProps={{ danger: !approve }}
      cancelText="Hủy"
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text strong>Nhiệm vụ {request.task.ordinal}</Typography.Text>: {request.summary} — đề nghị
        của {request.organisation.name}.
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">Lý do đề nghị: {request.reason}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ reason: '' }} onFinish={submit}>
        <Form.Item
          name="reason"
          label={approve ? 'Ý kiến (không bắt buộc)' : 'Lý do không chấp thuận'}
          rules={
            approve ? [] : [{ required: true, whitespace: true, message: 'Hãy ghi lý do không chấp thuận' }]
          }
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
