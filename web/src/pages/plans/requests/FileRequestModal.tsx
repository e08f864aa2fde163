import { App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type dayjs from 'dayjs';
import type { PlanTaskView } from '../../../../../shared/contracts/plans';
import type { TaskRequestFile, TaskRequestKind } from '../../../../../shared/contracts/task-requests';
import { errorMessageOf } from '../../../api/ApiError';
import { useAllOrganisations } from '../../../api/organisations';
import { useFileTaskRequest } from '../../../api/taskRequests';
import { DATE_FORMAT, toIsoDate } from '../../../lib/dates';
import { showFieldErrors } from '../../../lib/forms';
import { RequestFileInput } from './RequestFileInput';

interface Values {
  kind: TaskRequestKind;
  newDeadline: dayjs.Dayjs | null;
  newLeadOrganisationId: number | null;
  reason: string;
  /** The agency's document asking for the change, uploaded when picked. */
  file: TaskRequestFile | null;
}

/** The lead agency asks the plan's consolidating agency to extend the deadline or hand the task over. */
export function FileRequestModal({ task, onClose }: { task: PlanTaskView; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const file = useFileTaskRequest(task.id);
  const orgs = useAllOrganisations();
  const kind = Form.useWatch('kind', form) ?? 'extend';
  const leadIds = new Set(task.leads.flatMap((a) => (a.organisationId ? [a.organisationId] : [])));
  const submit = (v: Values) => {
    const fileId = v.file?.id ?? null;
    const body =
      v.kind === 'extend'
        ? { kind: 'extend' as const, newDeadline: toIsoDate(v.newDeadline) ?? '', reason: v.reason, fileId }
        : {
            kind: 'reassign' as const,
            newLeadOrganisationId: v.newLeadOrganisationId ?? 0,
            reason: v.reason,
            fileId,
          };
    file.mutate(body, {
      onSuccess: () => {
        message.success('Đã gửi đề nghị; cơ quan tổng hợp kế hoạch sẽ xem xét và trả lời.');
        onClose();
      },
      onError: (error) => {
        if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
      },
    });
  };
  return (
    <Modal
      title={`Đề nghị về nhiệm vụ ${task.ordinal}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Gửi đề nghị"
      cancelText="Hủy"
      confirmLoading={file.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Thời hạn hiện hành: {task.deadline.text || 'không nêu'}. Đề nghị được gửi tới cơ quan theo dõi, tổng
        hợp kế hoạch; khi được chấp thuận, kế hoạch được sửa và lịch sử thay đổi ghi lại đề nghị này.
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'extend',
          newDeadline: null,
          newLeadOrganisationId: null,
          reason: '',
          file: null,
        }}
        onFinish={submit}
      >
        <Form.Item name="kind" label="Nội dung đề nghị">
          <Radio.Group
            options={[
              { value: 'extend', label: 'Gia hạn thời hạn hoàn thành' },
              { value: 'reassign', label: 'Chuyển cơ quan chủ trì' },
            ]}
          />
        </Form.Item>
        {kind === 'extend' ? (
          <Form.Item
            name="newDeadline"
            label="Thời hạn đề nghị"
            rules={[{ required: true, message: 'Hãy chọn thời hạn đề nghị' }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="Chọn ngày" />
          </Form.Item>
        ) : (
          <Form.Item
            name="newLeadOrganisationId"
            label="Cơ quan đề nghị chủ trì"
            rules={[{ required: true, message: 'Hãy chọn cơ quan đề nghị chủ trì' }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={orgs.isPending}
              placeholder="Chọn trong danh mục cơ quan, đơn vị"
              options={(orgs.data ?? [])
                .filter((o) => !leadIds.has(o.id) && o.validTo === null)
                .map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="Lý do"
          rules={[{ required: true, whitespace: true, message: 'Hãy ghi lý do đề nghị' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="file"
          label="Văn bản đề nghị (không bắt buộc)"
          extra="Công văn đề nghị của cơ quan: tệp PDF, DOCX, DOC hoặc ODT, tối đa 20 MB. Cơ quan bạn và cơ quan tổng hợp kế hoạch xem được; khi đề nghị được chấp thuận, văn bản được lưu cùng lịch sử thay đổi của kế hoạch."
        >
          <RequestFileInput taskId={task.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
