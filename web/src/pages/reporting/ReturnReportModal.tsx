import { App, Form, Input, Modal, Typography } from 'antd';
import { type ReportSummary, returnReportRequestSchema } from '../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../api/ApiError';
import { useReturnReport } from '../../api/reporting';
import { zodRule } from '../../lib/forms';

interface Props {
  report: Pick<ReportSummary, 'id' | 'version' | 'organisation'> | null;
  onClose: () => void;
}

/** Returning needs a reason the agency can act on; it is shown at the top of their form. */
export function ReturnReportModal({ report, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const returnReport = useReturnReport();

  const submit = ({ reason }: { reason: string }) => {
    if (!report) return;
    returnReport.mutate(
      { reportId: report.id, version: report.version, reason: reason.trim() },
      {
        onSuccess: () => {
          message.success(`Đã trả lại báo cáo của ${report.organisation.name}.`);
          onClose();
        },
        onError: (error) => message.error(errorMessageOf(error)),
      },
    );
  };

  return (
    <Modal
      title="Trả lại báo cáo"
      open={report !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Trả lại"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      confirmLoading={returnReport.isPending}
      destroyOnHidden
    >
      {report && (
        <Typography.Paragraph>
          Báo cáo của <strong>{report.organisation.name}</strong> sẽ được mở lại để cơ quan sửa và gửi lại.
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          label="Lý do trả lại"
          name="reason"
          required
          rules={[zodRule(returnReportRequestSchema.shape.reason)]}
          extra="Nêu rõ nội dung cần bổ sung, sửa đổi; cơ quan sẽ thấy nguyên văn lý do này."
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
