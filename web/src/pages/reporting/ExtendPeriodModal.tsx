import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { extendPeriodRequestSchema, type Period } from '../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../api/ApiError';
import { useExtendPeriod } from '../../api/reporting';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/dates';
import { showFieldErrors, zodRule } from '../../lib/forms';

interface Values {
  dueOn: dayjs.Dayjs | null;
  reason: string;
}

/** A later due date for everyone, with the reason recorded in the period's history. */
export function ExtendPeriodModal({ period, onClose }: { period: Period | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const extend = useExtendPeriod();

  const submit = (v: Values) => {
    if (!period) return;
    const dueOn = toIsoDate(v.dueOn);
    if (!dueOn) return;
    extend.mutate(
      { periodId: period.id, input: { dueOn, reason: v.reason.trim() } },
      {
        onSuccess: (p) => {
          message.success(`Đã gia hạn kỳ “${p.title}” đến ${formatDate(p.dueOn)}.`);
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
      title="Gia hạn nộp báo cáo"
      open={period !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Gia hạn"
      cancelText="Hủy"
      confirmLoading={extend.isPending}
      destroyOnHidden
    >
      {period && (
        <Typography.Paragraph>
          Kỳ <strong>{period.title}</strong>, hạn hiện tại {formatDate(period.dueOn)}.
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="dueOn" label="Hạn mới" rules={[{ required: true, message: 'Hãy chọn hạn mới.' }]}>
          <DatePicker
            format={DATE_FORMAT}
            placeholder="Chọn ngày"
            disabledDate={(d) => (period ? !d.isAfter(dayjs(period.dueOn), 'day') : false)}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="Lý do gia hạn"
          required
          rules={[zodRule(extendPeriodRequestSchema.shape.reason)]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
