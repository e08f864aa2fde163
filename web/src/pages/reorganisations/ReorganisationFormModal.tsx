import { App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type {
  ReorganisationCreate,
  ReorganisationDetail,
} from '../../../../shared/contracts/reorganisations';
import {
  ORGANISATION_KIND_LABELS,
  type OrganisationKind,
} from '../../../../shared/domain/organisations/kinds';
import {
  REORGANISATION_KIND_LABELS,
  REORGANISATION_KINDS,
  type ReorganisationKind,
} from '../../../../shared/domain/organisations/reorganisation';
import { errorMessageOf } from '../../api/ApiError';
import { useCreateReorganisation } from '../../api/reorganisations';
import { KindSelect } from '../../components/KindSelect';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { showFieldErrors } from '../../lib/forms';

interface SuccessorValue {
  mode: 'existing' | 'create';
  existingId?: number | null;
  code?: string;
  name?: string;
  kind?: OrganisationKind;
}

interface Values {
  kind: ReorganisationKind;
  title: string;
  effectiveOn: Dayjs;
  basisNumber: string;
  basisDate?: Dayjs | null;
  basisText?: string;
  sources?: (number | null)[];
  successors?: SuccessorValue[];
  provinceName?: string;
  codePrefix?: string;
  incomingText?: string;
}

const KIND_HINTS: Record<ReorganisationKind, string> = {
  merge:
    'Các cơ quan bị hợp nhất kết thúc vào ngày trước ngày hiệu lực; một cơ quan tiếp nhận (đã có hoặc lập mới).',
  split: 'Một cơ quan tách thành nhiều cơ quan; chọn cơ quan tiếp nhận từng nhiệm vụ ở bước xem trước.',
  rename: 'Cơ quan mang tên mới từ ngày hiệu lực; báo cáo đã gửi vẫn mang tên cũ.',
  abolish: 'Cơ quan chấm dứt hoạt động; có thể có hoặc không có cơ quan tiếp nhận.',
  province_merge:
    'Danh mục của tỉnh hợp nhất vào được thêm vào danh mục chung; sở trùng tên được ghi là đã hợp nhất vào sở của tỉnh.',
  level_replace:
    'Mọi UBND cấp huyện còn hiệu lực kết thúc; nhiệm vụ giao cho cấp huyện chuyển cho nhóm UBND các xã, phường.',
};

const KIND_BY_LABEL = new Map<string, OrganisationKind>([
  ...Object.entries(ORGANISATION_KIND_LABELS).map(([k, l]) => [l.toLocaleLowerCase('vi'), k]),
  ...Object.keys(ORGANISATION_KIND_LABELS).map((k) => [k, k]),
  ['xã', 'ubnd_xa'],
  ['phường', 'ubnd_xa'],
  ['sở', 'so'],
] as [string, OrganisationKind][]);

/** "mã; tên; loại" per line → agencies; a line that cannot be read names its number. */
function parseIncoming(text: string): NonNullable<ReorganisationCreate['spec']['incoming']>['agencies'] {
  const out = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const [code, name, kind] = line.split(/[;\t]/).map((c) => c.trim());
    const k = KIND_BY_LABEL.get((kind ?? '').toLocaleLowerCase('vi'));
    if (!code || !name || !k) throw new Error(`Dòng ${i + 1}: cần “mã; tên; loại” (loại như sở, ban, xã)`);
    out.push({ code, name, kind: k });
  }
  return out;
}

/** Records a reorganisation (nothing moves yet) and hands its preview back. */
export function ReorganisationFormModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (d: ReorganisationDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateReorganisation();
  const kind = Form.useWatch('kind', form) ?? 'merge';

  const submit = (v: Values) => {
    let incoming: ReorganisationCreate['spec']['incoming'];
    try {
      incoming =
        v.kind === 'province_merge'
          ? {
              provinceName: v.provinceName ?? '',
              codePrefix: (v.codePrefix ?? '').toUpperCase(),
              agencies: parseIncoming(v.incomingText ?? ''),
            }
          : undefined;
    } catch (e) {
      form.setFields([{ name: 'incomingText', errors: [(e as Error).message] }]);
      return;
    }
    const body: ReorganisationCreate = {
      kind: v.kind,
      title: v.title,
      effectiveOn: toIsoDate(v.effectiveOn) ?? '',
      basisNumber: v.basisNumber,
      basisDate: toIsoDate(v.basisDate),
      basisText: v.basisText?.trim() || null,
      spec: {
        sources: (v.sources ?? []).filter((s): s is number => typeof s === 'number'),
        successors: (v.successors ?? []).map((s) =>
          s.mode === 'existing'
            ? { existingId: s.existingId ?? 0 }
            : { create: { code: (s.code ?? '').trim(), name: (s.name ?? '').trim(), kind: s.kind ?? 'so' } },
        ),
        taskChoices: {},
        ...(incoming ? { incoming } : {}),
      },
    };
    create.mutate(body, {
      onSuccess: (d) => {
        message.success('Đã lập phương án. Xem trước những gì sẽ chuyển trước khi áp dụng.');
        onCreated(d);
      },
      onError: (error) => {
        if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
      },
    });
  };

  const needsSources = kind !== 'level_replace' && kind !== 'province_merge';
  return (
    <Modal
      title="Lập phương án sắp xếp tổ chức"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lập và xem trước"
      cancelText="Hủy"
      confirmLoading={create.isPending}
      width={820}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        initialValues={{
          kind: 'merge',
          effectiveOn: dayjs(),
          sources: [null, null],
          successors: [{ mode: 'create', kind: 'so' }],
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label="Hình thức" name="kind" extra={KIND_HINTS[kind]}>
              <Select
                options={REORGANISATION_KINDS.map((k) => ({
                  value: k,
                  label: REORGANISATION_KIND_LABELS[k],
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              label="Nội dung"
              name="title"
              rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung sắp xếp' }]}
            >
              <Input placeholder="VD: Hợp nhất Sở Nội vụ và Sở Lao động - Thương binh và Xã hội" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="Ngày hiệu lực"
              name="effectiveOn"
              rules={[{ required: true, message: 'Vui lòng chọn ngày hiệu lực' }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="Số văn bản căn cứ"
              name="basisNumber"
              rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số văn bản căn cứ' }]}
            >
              <Input placeholder="VD: 12/QĐ-UBND" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Ngày văn bản" name="basisDate">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Trích yếu văn bản căn cứ" name="basisText">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
        {needsSources && (
          <Form.List name="sources">
            {(fields, { add, remove }) => (
              <>
                <Typography.Text strong>
                  Cơ quan được sắp xếp (kết thúc vào ngày trước ngày hiệu lực)
                </Typography.Text>
                {fields.map((f, i) => (
                  <Space key={f.key} style={{ display: 'flex', marginTop: 8 }} align="start">
                    <Form.Item name={f.name} style={{ marginBottom: 0, width: 520 }}>
                      <OrganisationSelect
                        onlyCurrent
                        placeholder="Chọn cơ quan"
                        aria-label={`Cơ quan được sắp xếp ${i + 1}`}
                      />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>Bỏ</Button>}
                  </Space>
                ))}
                <Button style={{ margin: '8px 0 16px' }} onClick={() => add(null)}>
                  Thêm cơ quan
                </Button>
              </>
            )}
          </Form.List>
        )}
        {needsSources && (
          <Form.List name="successors">
            {(fields, { add, remove }) => (
              <>
                <Typography.Text strong>
                  Cơ quan tiếp nhận (cơ quan đầu tiên là cơ quan kế thừa chính)
                </Typography.Text>
                {fields.map((f, i) => (
                  <SuccessorRow key={f.key} name={f.name} index={i} onRemove={() => remove(f.name)} />
                ))}
                <Button style={{ margin: '8px 0 16px' }} onClick={() => add({ mode: 'existing' })}>
                  Thêm cơ quan tiếp nhận
                </Button>
              </>
            )}
          </Form.List>
        )}
        {kind === 'province_merge' && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label="Tỉnh hợp nhất vào"
                name="provinceName"
                rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên tỉnh' }]}
              >
                <Input placeholder="VD: Thái Bình" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Tiền tố cho mã trùng"
                name="codePrefix"
                rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tiền tố mã' }]}
              >
                <Input placeholder="VD: TB" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                label="Danh mục cơ quan của tỉnh hợp nhất vào"
                name="incomingText"
                extra="Mỗi dòng: mã; tên; loại (sở, ban, xã…)."
                rules={[{ required: true, message: 'Vui lòng nhập danh mục' }]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 4, maxRows: 12 }}
                  placeholder={'STC; Sở Tài chính; sở\n10123; Xã Thụy Anh; xã'}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Modal>
  );
}

function SuccessorRow({ name, index, onRemove }: { name: number; index: number; onRemove: () => void }) {
  const mode = Form.useWatch(['successors', name, 'mode']) as SuccessorValue['mode'] | undefined;
  return (
    <Row gutter={8} style={{ marginTop: 8 }} align="top">
      <Col xs={24} md={6}>
        <Form.Item name={[name, 'mode']} style={{ marginBottom: 8 }}>
          <Select
            aria-label={`Cơ quan tiếp nhận ${index + 1}: hình thức`}
            options={[
              { value: 'existing', label: 'Cơ quan đã có' },
              { value: 'create', label: 'Lập cơ quan mới' },
            ]}
          />
        </Form.Item>
      </Col>
      {mode === 'create' ? (
        <>
          <Col xs={24} md={5}>
            <Form.Item name={[name, 'code']} style={{ marginBottom: 8 }}>
              <Input placeholder="Mã, VD: SNV_MOI" aria-label={`Cơ quan tiếp nhận ${index + 1}: mã`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={[name, 'name']} style={{ marginBottom: 8 }}>
              <Input placeholder="Tên cơ quan mới" aria-label={`Cơ quan tiếp nhận ${index + 1}: tên`} />
            </Form.Item>
          </Col>
          <Col xs={20} md={3}>
            <Form.Item name={[name, 'kind']} style={{ marginBottom: 8 }}>
              <KindSelect />
            </Form.Item>
          </Col>
        </>
      ) : (
        <Col xs={20} md={16}>
          <Form.Item name={[name, 'existingId']} style={{ marginBottom: 8 }}>
            <OrganisationSelect
              onlyCurrent
              placeholder="Chọn cơ quan"
              aria-label={`Cơ quan tiếp nhận ${index + 1}`}
            />
          </Form.Item>
        </Col>
      )}
      <Col xs={4} md={2}>
        <Button onClick={onRemove}>Bỏ</Button>
      </Col>
    </Row>
  );
}
