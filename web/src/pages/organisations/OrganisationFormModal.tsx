import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  type Organisation,
  type OrganisationWrite,
  organisationWriteSchema,
} from '../../../../shared/contracts/organisations';
import type { OrganisationKind } from '../../../../shared/domain/organisations/kinds';
import { errorMessageOf } from '../../api/ApiError';
import { useSaveOrganisation } from '../../api/organisations';
import { KindSelect } from '../../components/KindSelect';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { showFieldErrors, zodRule } from '../../lib/forms';

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind: OrganisationKind;
  parentId?: number | null;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  successorId?: number | null;
  aliases?: string[];
}

const fields = organisationWriteSchema.shape;

function toValues(o: Organisation | null): Partial<Values> {
  if (!o) return { aliases: [] };
  return {
    code: o.code,
    name: o.name,
    shortName: o.shortName ?? '',
    kind: o.kind,
    parentId: o.parentId,
    validFrom: fromIsoDate(o.validFrom),
    validTo: fromIsoDate(o.validTo),
    successorId: o.successorId,
    aliases: o.aliases,
  };
}

function toWrite(v: Values): OrganisationWrite {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    shortName: v.shortName?.trim() || null,
    kind: v.kind,
    parentId: v.parentId ?? null,
    validFrom: toIsoDate(v.validFrom),
    validTo: toIsoDate(v.validTo),
    successorId: v.successorId ?? null,
    aliases: (v.aliases ?? []).map((a) => a.trim()).filter((a) => a !== ''),
  };
}

/** Creates an agency (`organisation` null) or edits one; rendered only while open. */
export function OrganisationFormModal({
  organisation,
  onClose,
}: {
  organisation: Organisation | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveOrganisation();

  const submit = (values: Values) => {
    save.mutate(
      { id: organisation?.id ?? null, data: toWrite(values) },
      {
        onSuccess: (saved) => {
          message.success(organisation ? `Đã lưu ${saved.name}.` : `Đã thêm ${saved.name}.`);
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
      title={organisation ? `Sửa cơ quan: ${organisation.name}` : 'Thêm cơ quan, đơn vị'}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={organisation ? 'Lưu' : 'Thêm cơ quan'}
      cancelText="Hủy"
      confirmLoading={save.isPending}
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={toValues(organisation)}
        autoComplete="off"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="Mã cơ quan" name="code" required rules={[zodRule(fields.code)]}>
              <Input placeholder="VD: STC" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="Tên cơ quan" name="name" required rules={[zodRule(fields.name)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Tên viết tắt" name="shortName">
              <Input placeholder="Không bắt buộc" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              label="Loại cơ quan"
              name="kind"
              rules={[{ required: true, message: 'Vui lòng chọn loại cơ quan' }]}
            >
              <KindSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Cơ quan cấp trên" name="parentId">
              <OrganisationSelect allowClear excludeId={organisation?.id} placeholder="Không có" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="Cơ quan kế thừa"
              name="successorId"
              extra="Cơ quan tiếp nhận nhiệm vụ khi cơ quan này sáp nhập hoặc giải thể."
            >
              <OrganisationSelect allowClear excludeId={organisation?.id} placeholder="Không có" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Hiệu lực từ ngày" name="validFrom">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="Không giới hạn" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="Hiệu lực đến ngày"
              name="validTo"
              dependencies={['validFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const from = getFieldValue('validFrom') as Dayjs | null | undefined;
                    if (value && from && value.isBefore(from, 'day')) {
                      throw new Error('Ngày kết thúc không được trước ngày bắt đầu hiệu lực');
                    }
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="Đến nay" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label="Tên gọi khác"
              name="aliases"
              extra="Các cách viết khác xuất hiện trong văn bản kế hoạch. Gõ rồi nhấn Enter để thêm."
            >
              <Select mode="tags" open={false} tokenSeparators={[';']} placeholder="VD: STC, Sở TC" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
