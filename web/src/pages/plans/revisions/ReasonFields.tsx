import { DatePicker, Flex, Form, Input, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useParams } from 'react-router-dom';
import type { AmendmentFile } from '../../../../../shared/contracts/plan-amendments';
import { revisionRequestSchema } from '../../../../../shared/contracts/plan-revisions';
import { useUploadRevisionFile } from '../../../api/amendments';
import { StoredFilePicker } from '../../../components/StoredFilePicker';
import { DATE_FORMAT, toIsoDate } from '../../../lib/dates';
import { zodRule } from '../../../lib/forms';
import { idParam } from '../../../lib/routeParams';

/** The part of every change form that says why: the reason and the amending document, if any. */
export interface ReasonValues {
  reason: string;
  documentNumber?: string;
  documentDate?: dayjs.Dayjs | null;
  /** The amending document's file, uploaded when picked. */
  documentFile?: AmendmentFile | null;
}

/** The request's reason and document from the form's values. */
export function reasonOf(v: ReasonValues) {
  const number = v.documentNumber?.trim() ?? '';
  return {
    reason: v.reason.trim(),
    document:
      number === '' ? null : { number, date: toIsoDate(v.documentDate), fileId: v.documentFile?.id ?? null },
  };
}

export function ReasonFields() {
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Mỗi thay đổi được lưu vào lịch sử của kế hoạch: người sửa, thời điểm, lý do và văn bản điều chỉnh.
      </Typography.Paragraph>
      <Form.Item
        name="reason"
        label="Lý do thay đổi"
        required
        rules={[zodRule(revisionRequestSchema.shape.reason)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder="Ví dụ: Gia hạn theo đề nghị của Sở Tài chính tại Công văn số 120/STC-KH"
        />
      </Form.Item>
      <Flex gap={12} wrap="wrap">
        <Form.Item
          name="documentNumber"
          label="Văn bản điều chỉnh, bổ sung (số, ký hiệu)"
          style={{ flex: '1 1 240px' }}
        >
          <Input maxLength={100} placeholder="Ví dụ: 25/QĐ-UBND (bỏ trống nếu không có)" />
        </Form.Item>
        <Form.Item name="documentDate" label="Ngày văn bản" style={{ width: 180 }}>
          <DatePicker format={DATE_FORMAT} placeholder="Chọn ngày" style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="documentFile"
        label="Tệp văn bản điều chỉnh (không bắt buộc)"
        extra="Tệp được lưu cùng thay đổi và tải về được từ lịch sử; hãy ghi cả số, ký hiệu văn bản."
      >
        <DocumentFileInput />
      </Form.Item>
    </>
  );
}

/** Uploads the picked file at once; the form keeps the stored file's id. */
function DocumentFileInput({
  value,
  onChange,
}: {
  value?: AmendmentFile | null;
  onChange?: (f: AmendmentFile | null) => void;
}) {
  const planId = idParam(useParams().planId);
  const upload = useUploadRevisionFile(planId ?? 0);
  if (planId === null) return null;
  return (
    <StoredFilePicker
      upload={upload}
      accept=".pdf,.docx,.doc,.txt,.png,.jpg,.jpeg"
      value={value}
      onChange={onChange}
    />
  );
}
