import { App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import {
  type OpenPeriodRequest,
  openPeriodRequestSchema,
  PERIOD_KIND_LABELS,
} from '../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../api/ApiError';
import { type PeriodProposal, useOpenPeriod, usePeriodProposals } from '../../api/reporting';
import { DATE_FORMAT, formatDate, fromIsoDate, toIsoDate } from '../../lib/dates';
import { showFieldErrors, zodRule } from '../../lib/forms';

interface Values {
  mode: 'regime' | 'ad_hoc';
  proposal?: string;
  title?: string;
  dueOn?: ReturnType<typeof fromIsoDate>;
  dataClosingOn?: ReturnType<typeof fromIsoDate>;
}

const keyOf = (p: PeriodProposal) => `${p.kind}:${p.year}`;

function proposalLabel(p: PeriodProposal): string {
  const dates = `hạn nộp ${formatDate(p.dueOn)}${p.dataClosingOn ? `, chốt số liệu ${formatDate(p.dataClosingOn)}` : ''}`;
  return `${p.title} — ${PERIOD_KIND_LABELS[p.kind]}, ${dates}${p.periodId !== null ? ' (đã mở)' : ''}`;
}

/**
 * Opens a period either as the plan's regime proposes it (annual 14/12 → 15/12, sơ kết, tổng kết;
 * dates may be adjusted) or as an ad-hoc request with its own title and due date.
 */
export function OpenPeriodModal({
  planId,
  open,
  onClose,
}: {
  planId: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const proposals = usePeriodProposals(planId, open);
  const openPeriod = useOpenPeriod(planId);
  const mode = Form.useWatch('mode', form) ?? 'regime';
  const picked = Form.useWatch('proposal', form);
  const items = proposals.data?.items ?? [];
  const proposal = items.find((p) => keyOf(p) === picked);

  // Choosing a proposal fills in its dates; the coordinator may still move them.
  useEffect(() => {
    if (!proposal) return;
    form.setFieldsValue({
      dueOn: fromIsoDate(proposal.dueOn),
      dataClosingOn: fromIsoDate(proposal.dataClosingOn),
    });
  }, [proposal, form]);

  const submit = (v: Values) => {
    const dueOn = toIsoDate(v.dueOn) ?? undefined;
    const dataClosingOn = toIsoDate(v.dataClosingOn);
    const input: OpenPeriodRequest =
      v.mode === 'ad_hoc'
        ? { kind: 'ad_hoc', title: v.title?.trim(), dueOn, dataClosingOn }
        : {
            kind: proposal?.kind ?? 'annual',
            year: proposal?.year,
            title: proposal?.title,
            dueOn,
            dataClosingOn,
          };
    openPeriod.mutate(input, {
      onSuccess: (period) => {
        message.success(`Đã mở kỳ “${period.title}” với ${period.counts.expected} báo cáo của các cơ quan.`);
        if (period.warnings.length > 0) {
          modal.warning({
            title: 'Có nhiệm vụ không giao được cho cơ quan nào',
            width: 560,
            okText: 'Đã hiểu',
            content: (
              <ul style={{ paddingInlineStart: 18 }}>
                {period.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ),
          });
        }
        onClose();
      },
      onError: (error) => {
        if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
      },
    });
  };

  return (
    <Modal
      title="Mở kỳ báo cáo"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Mở kỳ báo cáo"
      cancelText="Hủy"
      confirmLoading={openPeriod.isPending}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">
        Khi mở kỳ, mỗi cơ quan có nhiệm vụ trong năm báo cáo nhận một báo cáo để điền và được thông báo.
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ mode: 'regime' }}
        preserve={false}
      >
        <Form.Item name="mode" label="Loại kỳ">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'regime', label: 'Theo chế độ báo cáo của kế hoạch' },
              { value: 'ad_hoc', label: 'Báo cáo đột xuất' },
            ]}
          />
        </Form.Item>
        {mode === 'regime' ? (
          <Form.Item
            name="proposal"
            label="Kỳ báo cáo"
            rules={[{ required: true, message: 'Hãy chọn kỳ báo cáo cần mở.' }]}
          >
            <Select
              loading={proposals.isLoading}
              placeholder={
                proposals.isError ? errorMessageOf(proposals.error) : 'Chọn kỳ theo chế độ báo cáo'
              }
              options={items.map((p) => ({
                value: keyOf(p),
                label: proposalLabel(p),
                disabled: p.periodId !== null,
              }))}
              notFoundContent="Kế hoạch không quy định kỳ báo cáo nào"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="title"
            label="Tiêu đề"
            required
            rules={[
              { required: true, whitespace: true, message: 'Hãy nhập tiêu đề kỳ báo cáo.' },
              zodRule(openPeriodRequestSchema.shape.title.unwrap()),
            ]}
          >
            <Input placeholder="Ví dụ: Báo cáo tình hình thu hút đầu tư vào các CCN quý IV" maxLength={300} />
          </Form.Item>
        )}
        <Form.Item
          name="dueOn"
          label="Hạn nộp báo cáo"
          rules={[{ required: true, message: 'Hãy chọn hạn nộp báo cáo.' }]}
        >
          <DatePicker format={DATE_FORMAT} placeholder="Chọn ngày" />
        </Form.Item>
        <Form.Item
          name="dataClosingOn"
          label="Ngày chốt số liệu"
          extra="Không bắt buộc với báo cáo đột xuất."
        >
          <DatePicker format={DATE_FORMAT} placeholder="Chọn ngày" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
