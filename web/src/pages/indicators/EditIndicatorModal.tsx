import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import {
  type IndicatorDetail,
  type UpdateIndicatorRequest,
  updateIndicatorRequestSchema,
  VALUE_KIND_LABELS,
  VALUE_KINDS,
  type ValueKind,
} from '../../../../shared/contracts/indicators';
import { errorMessageOf } from '../../api/ApiError';
import { useUpdateIndicator } from '../../api/indicators';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { showFieldErrors, zodRule } from '../../lib/forms';

interface Values {
  code: string;
  name: string;
  unit: string;
  definition?: string;
  valueKind: ValueKind;
  ownerOrgId?: number | null;
}

const fields = updateIndicatorRequestSchema.shape;

/** The coordinator corrects what the importer proposed: code, name, unit, definition, kind, owner. */
export function EditIndicatorModal({
  indicator,
  onClose,
}: {
  indicator: IndicatorDetail;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const update = useUpdateIndicator(indicator.id);

  const submit = (v: Values) => {
    const body: UpdateIndicatorRequest = {
      code: v.code.trim(),
      name: v.name.trim(),
      unit: v.unit.trim(),
      definition: v.definition?.trim() || null,
      valueKind: v.valueKind,
      ownerOrgId: v.ownerOrgId ?? null,
    };
    update.mutate(body, {
      onSuccess: () => {
        message.success('Đã lưu thông tin chỉ số.');
        onClose();
      },
      onError: (error) => {
        if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
      },
    });
  };

  return (
    <Modal
      title={`Sửa chỉ số: ${indicator.name}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={update.isPending}
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        initialValues={{
          code: indicator.code,
          name: indicator.name,
          unit: indicator.unit,
          definition: indicator.definition ?? '',
          valueKind: indicator.valueKind,
          ownerOrgId: indicator.owner?.id ?? null,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label="Mã chỉ số" name="code" required rules={[zodRule(fields.code)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item label="Tên chỉ số" name="name" required rules={[zodRule(fields.name)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="Đơn vị tính" name="unit" required rules={[zodRule(fields.unit)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item
              label="Số liệu hằng năm là"
              name="valueKind"
              required
              extra="Quyết định cách tính đánh giá: tốc độ tăng được cộng dồn theo bình quân nhân, giá trị tuyệt đối được so với mức mục tiêu."
            >
              <Select options={VALUE_KINDS.map((k) => ({ value: k, label: VALUE_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Cơ quan chủ trì số liệu" name="ownerOrgId">
              <OrganisationSelect allowClear onlyCurrent placeholder="Chọn cơ quan cung cấp số liệu" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Định nghĩa, phương pháp tính" name="definition">
              <Input.TextArea rows={4} placeholder="Không bắt buộc" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
