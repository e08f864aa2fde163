import { App, Form, Input, Modal, Typography } from 'antd';
import { planEndUndoRequestSchema } from '../../../../../shared/contracts/plan-revisions';
import type { PlanDetail } from '../../../../../shared/contracts/plans';
import { errorMessageOf } from '../../../api/ApiError';
import { useUndoPlanEnd } from '../../../api/revisions';
import { zodRule } from '../../../lib/forms';

/**
 * Undoes the plan's end (bãi bỏ / thay thế), with a reason: the plan and its tasks are in force again;
 * the tasks taken over leave the replacing plan. The server refuses, naming the task, when one of those
 * has since been reported on or changed there.
 */
export function PlanEndUndoModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const undo = useUndoPlanEnd(plan.id);
  const { message } = App.useApp();
  const replaced = plan.end?.kind === 'replaced';
  return (
    <Modal
      open
      title={replaced ? 'Hoàn tác thay thế kế hoạch' : 'Hoàn tác bãi bỏ kế hoạch'}
      okText="Hoàn tác"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={undo.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Kế hoạch có hiệu lực trở lại cùng các nhiệm vụ đã hết hiệu lực khi{' '}
        {replaced ? 'bị thay thế' : 'bị bãi bỏ'}
        {replaced
          ? '; các nhiệm vụ đã chuyển sang kế hoạch thay thế được xóa khỏi kế hoạch đó (chỉ khi chưa có báo cáo hay thay đổi nào sau khi chuyển).'
          : '.'}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          undo.mutate(
            { reason: v.reason.trim() },
            {
              onSuccess: (r) => {
                message.success(`Đã ${r.title.charAt(0).toLowerCase()}${r.title.slice(1)}.`);
                onClose();
              },
              onError: (error) => message.error(errorMessageOf(error)),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label="Lý do hoàn tác"
          required
          rules={[zodRule(planEndUndoRequestSchema.shape.reason)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
