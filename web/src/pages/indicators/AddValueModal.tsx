import { Alert, App, Col, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import {
  createValueRequestSchema,
  type IndicatorDetail,
  MIN_VALUE_YEAR,
  VALUE_STATUS_LABELS,
  VALUE_STATUSES,
  type ValueStatus,
} from '../../../../shared/contracts/indicators';
import { errorMessageOf } from '../../api/ApiError';
import { useAddValue } from '../../api/indicators';
import { showFieldErrors, zodRule } from '../../lib/forms';
import { parseValueInput } from './indicatorFormat';

interface Values {
  year: number;
  value: string;
  status: ValueStatus;
  source: string;
  sourceUrl?: string;
  note?: string;
}

const fields = createValueRequestSchema.shape;

/**
 * Adds a figure for a year. Nothing is overwritten: a correction or a firmer status is a new row.
 * A reporter's figure waits for the coordinator.
 */
export function AddValueModal({ indicator, onClose }: { indicator: IndicatorDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const add = useAddValue(indicator.id);
  const currentYear = new Date().getFullYear();
  const rateHint = indicator.valueKind === 'rate' ? ' (tốc độ tăng so với năm trước, %)' : '';

  const submit = (v: Values) => {
    add.mutate(
      {
        year: v.year,
        value: parseValueInput(v.value) ?? Number.NaN,
        status: v.status,
        source: v.source.trim(),
        sourceUrl: v.sourceUrl?.trim() || null,
        note: v.note?.trim() || null,
      },
      {
        onSuccess: () => {
          message.success(
            indicator.canManage ? 'Đã thêm số liệu.' : 'Đã gửi số liệu, chờ cán bộ tổng hợp tiếp nhận.',
          );
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
      title={`Thêm số liệu: ${indicator.name}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lưu số liệu"
      cancelText="Hủy"
      confirmLoading={add.isPending}
      width={640}
    >
      {!indicator.canManage && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Số liệu của cơ quan được tính vào đánh giá sau khi cán bộ tổng hợp tiếp nhận."
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        initialValues={{ year: currentYear - 1, status: 'estimate' }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="Năm" name="year" required rules={[zodRule(fields.year)]}>
              <InputNumber min={MIN_VALUE_YEAR} max={currentYear} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              label={`Giá trị (${indicator.unit})${rateHint}`}
              name="value"
              required
              extra="Dùng dấu phẩy cho phần thập phân, ví dụ 7,6"
              rules={[
                {
                  validator: async (_rule, raw: unknown) => {
                    if (typeof raw !== 'string' || raw.trim() === '')
                      throw new Error('Vui lòng nhập giá trị');
                    if (parseValueInput(raw) === null) throw new Error(`“${raw}” không phải là số`);
                  },
                },
              ]}
            >
              <Input inputMode="decimal" placeholder="VD: 7,6" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Trạng thái số liệu" name="status" required>
              <Radio.Group
                optionType="button"
                options={VALUE_STATUSES.map((s) => ({ value: s, label: VALUE_STATUS_LABELS[s] }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label="Nguồn số liệu"
              name="source"
              required
              rules={[zodRule(fields.source)]}
              extra="Văn bản, trang hoặc đơn vị công bố. Số liệu giả định phải ghi rõ là số liệu minh họa."
            >
              <Input placeholder="VD: Cục Thống kê tỉnh — Báo cáo tình hình KT-XH năm 2024, tr. 3" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Đường dẫn nguồn" name="sourceUrl" rules={[zodRule(fields.sourceUrl)]}>
              <Input placeholder="https://… (không bắt buộc)" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Ghi chú" name="note">
              <Input.TextArea rows={2} placeholder="Không bắt buộc" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
