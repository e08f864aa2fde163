import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload } from 'antd';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MAX_BYTES,
  type Attachment,
} from '../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../api/ApiError';
import { useUploadAttachment } from '../../api/reporting';
import { formatFileSize } from '../../lib/numbers';

const ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');
const ALLOWED_TEXT = `${ATTACHMENT_EXTENSIONS.map((e) => e.toUpperCase()).join(', ')}; tối đa ${formatFileSize(ATTACHMENT_MAX_BYTES)}`;

/** Checked here as well as on the server, so a 300 MB scan is refused before it is sent. */
function refusal(file: File): string | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)) {
    return `Tệp “${file.name}” không thuộc loại được nhận (${ALLOWED_TEXT}).`;
  }
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return `Tệp “${file.name}” nặng ${formatFileSize(file.size)}, vượt giới hạn ${formatFileSize(ATTACHMENT_MAX_BYTES)}.`;
  }
  if (file.size === 0) return `Tệp “${file.name}” rỗng.`;
  return null;
}

export function AttachmentLink({ attachment }: { attachment: Attachment }) {
  return (
    <a href={attachment.url} target="_blank" rel="noreferrer">
      <PaperClipOutlined /> {attachment.filename}{' '}
      <Typography.Text type="secondary">({formatFileSize(attachment.size)})</Typography.Text>
    </a>
  );
}

interface Props {
  reportId: number;
  value: Attachment | null;
  onChange: (value: Attachment | null) => void;
  label: string;
}

/** The product document's file: uploaded to the report at once, linked to the task on the next save. */
export function AttachmentField({ reportId, value, onChange, label }: Props) {
  const { message } = App.useApp();
  const upload = useUploadAttachment(reportId);

  return (
    <Flex vertical gap={4}>
      {value && (
        <Flex gap={8} align="center" wrap="wrap">
          <AttachmentLink attachment={value} />
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onChange(null)}>
            Gỡ tệp
          </Button>
        </Flex>
      )}
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        beforeUpload={(file) => {
          const why = refusal(file);
          if (why) {
            message.error(why);
            return Upload.LIST_IGNORE;
          }
          upload.mutate(file, {
            onSuccess: (attachment) => {
              onChange(attachment);
              message.success(`Đã tải lên ${attachment.filename}.`);
            },
            onError: (error) => message.error(errorMessageOf(error)),
          });
          // The upload goes through the API client (CSRF, Vietnamese errors), not antd's own request.
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} aria-label={label}>
          {value ? 'Thay tệp khác' : 'Tải tệp lên'}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Nhận các tệp {ALLOWED_TEXT}.
      </Typography.Text>
    </Flex>
  );
}
