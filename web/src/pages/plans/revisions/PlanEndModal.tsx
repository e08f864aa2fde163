import { App, Checkbox, DatePicker, Form, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PlanDetail } from '../../../../../shared/contracts/plans';
import { errorMessageOf } from '../../../api/ApiError';
import { usePlanList, usePlanTasks } from '../../../api/plans';
import { useApplyRevision } from '../../../api/revisions';
import { DATE_FORMAT, toIsoDate } from '../../../lib/dates';
import { showFieldErrors } from '../../../lib/forms';
import { ReasonFields, type ReasonValues, reasonOf } from './ReasonFields';

interface Values extends ReasonValues {
  endKind: 'annulled' | 'replaced';
  replacedByPlanId?: number;
  continueTaskIds?: number[];
  effectiveOn: dayjs.Dayjs | null;
}

const DONE = new Set(['done_on_time', 'done_late']);

/**
 * Annuls the plan or records that another confirmed plan replaces it (issue 13, item 6), after a
 * confirmation: from the date it opens no more periods and its tasks stop being in force; the open tasks
 * ticked are taken over by the replacing plan.
 */
export function PlanEndModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const apply = useApplyRevision(plan.id);
  const kind = Form.useWatch('endKind', form);
  const plans = usePlanList({ page: 1, pageSize: 200 });
  const tasks = usePlanTasks(plan.id, { page: 1, pageSize: 200 });
  const open = (tasks.data?.items ?? []).filter((t) => !DONE.has(t.status.code));
  const choices = (plans.data?.items ?? []).filter((p) => p.id !== plan.id);

  const send = (v: Values, effectiveOn: string) =>
    apply.mutate(
      {
        ...reasonOf(v),
        change: {
          kind: 'plan_end',
          endKind: v.endKind,
          replacedByPlanId: v.endKind === 'replaced' ? (v.replacedByPlanId ?? null) : null,
          effectiveOn,
          continueTaskIds: v.endKind === 'replaced' ? (v.continueTaskIds ?? []) : [],
        },
      },
      {
        onSuccess: () => {
          message.success(
            v.endKind === 'replaced' ? 'Đã ghi nhận kế hoạch được thay thế.' : 'Đã bãi bỏ kế hoạch.',
          );
          onClose();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
        },
      },
    );

  const submit = (v: Values) => {
    const effectiveOn = toIsoDate(v.effectiveOn);
    if (!effectiveOn) return;
    const n = v.endKind === 'replaced' ? (v.continueTaskIds?.length ?? 0) : 0;
    modal.confirm({
      title: v.endKind === 'replaced' ? 'Xác nhận kế hoạch được thay thế?' : 'Xác nhận bãi bỏ kế hoạch?',
      content: `Từ ngày ${dayjs(effectiveOn).format(DATE_FORMAT)}, kế hoạch không mở kỳ báo cáo mới, các nhiệm vụ hết hiệu lực${
        n > 0 ? `; ${n} nhiệm vụ chuyển sang kế hoạch thay thế` : ''
      }. Lịch sử và báo cáo đã có vẫn được giữ; có thể hoàn tác sau nếu các nhiệm vụ đã chuyển chưa có báo cáo hay thay đổi.`,
      okText: 'Xác nhận',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: () => send(v, effectiveOn),
    });
  };

  return (
    <Modal
      title="Bãi bỏ hoặc thay thế kế hoạch"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Tiếp tục"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      confirmLoading={apply.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ endKind: 'annulled', effectiveOn: dayjs(), reason: '', continueTaskIds: [] }}
      >
        <Form.Item name="endKind" label="Hình thức">
          <Radio.Group
            options={[
              { value: 'annulled', label: 'Bãi bỏ kế hoạch' },
              { value: 'replaced', label: 'Thay thế bằng kế hoạch khác' },
            ]}
          />
        </Form.Item>
        {kind === 'replaced' && (
          <>
            <Form.Item
              name="replacedByPlanId"
              label="Kế hoạch thay thế"
              rules={[{ required: true, message: 'Hãy chọn kế hoạch thay thế.' }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={plans.isPending}
                placeholder="Chọn kế hoạch đã ban hành"
                options={choices.map((p) => ({
                  value: p.id,
                  label: `${p.number ?? 'Kế hoạch'} — ${p.title}`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="continueTaskIds"
              label="Nhiệm vụ chưa hoàn thành được tiếp tục trong kế hoạch thay thế"
              extra="Nhiệm vụ được chọn được chép sang kế hoạch thay thế (ghi rõ tiếp nối nhiệm vụ nào); các nhiệm vụ khác hết hiệu lực."
            >
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4, maxHeight: 220, overflow: 'auto' }}
              >
                {open.map((t) => (
                  <Checkbox key={t.id} value={t.id}>
                    {t.ordinal}. {t.content.length > 120 ? `${t.content.slice(0, 120)}…` : t.content}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
          </>
        )}
        <Form.Item
          name="effectiveOn"
          label="Có hiệu lực từ ngày"
          rules={[{ required: true, message: 'Hãy chọn ngày có hiệu lực.' }]}
        >
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          Ghi văn bản bãi bỏ hoặc văn bản ban hành kế hoạch thay thế.
        </Typography.Paragraph>
        <ReasonFields />
      </Form>
    </Modal>
  );
}
