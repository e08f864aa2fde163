import { App, DatePicker, Flex, Form, Input, Modal } from 'antd';
import type dayjs from 'dayjs';
import { revisionPlanFieldsSchema } from '../../../../../shared/contracts/plan-revisions';
import type { PlanDetail } from '../../../../../shared/contracts/plans';
import { errorMessageOf } from '../../../api/ApiError';
import { useApplyRevision } from '../../../api/revisions';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { showFieldErrors, zodRule } from '../../../lib/forms';
import { ReasonFields, type ReasonValues, reasonOf } from './ReasonFields';

interface Values extends ReasonValues {
  number?: string;
  title: string;
  issuer?: string;
  place?: string;
  issuedOn: dayjs.Dayjs | null;
}

const blank = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/** Changes the plan's header (number, title, issuer, place, date) with the reason. */
export function PlanHeaderEditModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const apply = useApplyRevision(plan.id);
  const submit = (v: Values) =>
    apply.mutate(
      {
        ...reasonOf(v),
        change: {
          kind: 'plan_update',
          fields: {
            number: blank(v.number),
            title: v.title.trim(),
            issuer: blank(v.issuer),
            place: blank(v.place),
            issuedOn: toIsoDate(v.issuedOn),
          },
        },
      },
      {
        onSuccess: () => {
          message.success('Đã lưu thông tin chung của kế hoạch.');
          onClose();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
        },
      },
    );
  return (
    <Modal
      title="Sửa thông tin chung của kế hoạch"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lưu thay đổi"
      cancelText="Hủy"
      confirmLoading={apply.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          number: plan.number ?? undefined,
          title: plan.title,
          issuer: plan.issuer ?? undefined,
          place: plan.place ?? undefined,
          issuedOn: fromIsoDate(plan.issuedOn),
          reason: '',
        }}
      >
        <Flex gap={12} wrap="wrap">
          <Form.Item name="number" label="Số, ký hiệu" style={{ flex: '1 1 160px' }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="issuedOn" label="Ngày ban hành" style={{ width: 180 }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label="Địa danh" style={{ flex: '1 1 140px' }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item name="issuer" label="Cơ quan ban hành">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="title" label="Trích yếu" rules={[zodRule(revisionPlanFieldsSchema.shape.title)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <ReasonFields />
      </Form>
    </Modal>
  );
}
