import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CommuneImportResult } from '../../../../shared/contracts/organisations';
import {
  ADMIN_UNIT_TYPE_LABELS,
  ADMIN_UNIT_TYPES,
} from '../../../../shared/domain/organisations/admin-units';
import { errorMessageOf } from '../../api/ApiError';
import { useLoadCommunes } from '../../api/organisations';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';

interface Values {
  validFrom: Dayjs | null;
  source: string;
  parentId?: number | null;
}

const byTypeText = (r: CommuneImportResult) =>
  ADMIN_UNIT_TYPES.filter((t) => r.byType[t] > 0)
    .map((t) => `${r.byType[t]} ${ADMIN_UNIT_TYPE_LABELS[t].toLowerCase()}`)
    .join(', ');

/**
 * Loads a province's commune-level units (CSV: mã, tên, loại) into the registry: checked first (how many
 * units, of which types, how many new), then loaded. Loading the same list again only updates.
 */
export function CommuneImportModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const load = useLoadCommunes();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [checked, setChecked] = useState<CommuneImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (values: Values, dryRun: boolean) => {
    if (!file) {
      setError('Hãy chọn tệp CSV danh sách đơn vị hành chính.');
      return;
    }
    setError(null);
    load.mutate(
      {
        csv: file.text,
        validFrom: toIsoDate(values.validFrom) ?? '',
        source: values.source,
        parentId: values.parentId ?? null,
        dryRun,
      },
      {
        onSuccess: (r) => {
          if (r.dryRun) setChecked(r);
          else {
            message.success(
              `Đã nạp danh sách: thêm ${r.added}, cập nhật ${r.updated}, giữ nguyên ${r.unchanged} đơn vị (${byTypeText(r)}).`,
            );
            onClose();
          }
        },
        onError: (e) => setError(errorMessageOf(e)),
      },
    );
  };

  return (
    <Modal
      title="Nạp danh sách đơn vị hành chính cấp xã"
      open
      onCancel={onClose}
      width={640}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>Hủy</Button>
          <Button
            loading={load.isPending && checked === null}
            onClick={() => form.validateFields().then((v) => run(v, true))}
          >
            Kiểm tra
          </Button>
          <Button
            type="primary"
            disabled={checked === null}
            loading={load.isPending && checked !== null}
            onClick={() => form.validateFields().then((v) => run(v, false))}
          >
            Nạp vào danh mục
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        Tệp CSV có dòng tiêu đề với các cột mã (mã đơn vị hành chính quốc gia), tên và loại (xã, phường, thị
        trấn, đặc khu). Mỗi đơn vị thành một UBND cấp xã trong danh mục, có hiệu lực từ ngày đã chọn, nên các
        nhóm như “UBND các xã, phường” gồm các đơn vị này từ ngày đó.
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ validFrom: fromIsoDate('2025-07-01'), source: '' }}
        onValuesChange={() => setChecked(null)}
      >
        <Form.Item label="Tệp danh sách (.csv)" required>
          <Upload
            accept=".csv,text/csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              void f.text().then((text) => {
                setFile({ name: f.name, text });
                setChecked(null);
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{file ? file.name : 'Chọn tệp'}</Button>
          </Upload>
        </Form.Item>
        <Form.Item
          label="Có hiệu lực từ ngày"
          name="validFrom"
          rules={[{ required: true, message: 'Vui lòng chọn ngày có hiệu lực' }]}
        >
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item
          label="Văn bản là nguồn của danh sách"
          name="source"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng ghi văn bản là nguồn của danh sách' },
          ]}
        >
          <Input placeholder="VD: Nghị quyết số 1666/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội" />
        </Form.Item>
        <Form.Item label="Thuộc UBND tỉnh" name="parentId">
          <OrganisationSelect
            onlyCurrent
            allowClear
            placeholder="Không bắt buộc"
            aria-label="Thuộc UBND tỉnh"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
      {checked && (
        <Alert
          type="info"
          showIcon
          title={`Tệp có ${checked.added + checked.unchanged} đơn vị (${byTypeText(checked)}): ${checked.added} đơn vị mới, ${checked.unchanged} đơn vị đã có trong danh mục.`}
        />
      )}
    </Modal>
  );
}
