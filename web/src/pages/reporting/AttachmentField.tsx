import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload } from 'antd';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MAX_BYTES,
  type Attachment,
  ENTRY_FILES_MAX,
} from '../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../api/ApiError';
import { useUploadAttachment } from '../../api/reporting';
import { formatFileSize } from '../../lib/numbers';

const ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');
const ALLOWED_TEXT = `${ATTACHMENT_EXTENSIONS.map((e) => e.toUpperCase()).join(', ')}; tối đa ${formatFileSize(ATTACHMENT_MAX_BYTES)} mỗi tệp`;

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
  value: Attachment[];
  onChange: (value: Attachment[]) => void;
  label: string;
}

/**
 * The product files of a task, any number: each uploaded to the report at once, linked to the task
 * (or unlinked with "Gỡ") on the next save. Several may be chosen at once.
 */
export function AttachmentField({ reportId, value, onChange, label }: Props) {
  const { message } = App.useApp();
  const upload = useUploadAttachment(reportId);
  // Uploads finish one by one: each adds to the list as it stands then, not as it stood when chosen.
  let latest = value;

  return (
    // On paper the files are named by the field's PrintValue.
    <Flex vertical gap={4} className="no-print">
      {value.length > 0 && (
        <ul aria-label={`Tệp đã đính kèm: ${label}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {value.map((a) => (
            <li key={a.id}>
              <Flex gap={8} align="center" wrap="wrap">
                <AttachmentLink attachment={a} />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`Gỡ tệp ${a.filename}`}
                  onClick={() => onChange(value.filter((x) => x.id !== a.id))}
                >
                  Gỡ
                </Button>
              </Flex>
            </li>
          ))}
        </ul>
      )}
      <Upload
        accept={ACCEPT}
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          const why = refusal(file);
          if (why) {
            message.error(why);
            return Upload.LIST_IGNORE;
          }
          if (latest.length >= ENTRY_FILES_MAX) {
            message.error(`Mỗi nhiệm vụ đính kèm tối đa ${ENTRY_FILES_MAX} tệp.`);
            return Upload.LIST_IGNORE;
          }
          // mutateAsync: with several files chosen at once, each upload gets its own answer (mutate's
          // own callbacks fire for the last call only).
          upload.mutateAsync(file).then(
            (attachment) => {
              latest = [...latest, attachment];
              onChange(latest);
              message.success(`Đã tải lên ${attachment.filename}.`);
            },
            (error: unknown) => message.error(errorMessageOf(error)),
          );
          // The upload goes through the API client (CSRF, Vietnamese errors), not antd's own request.
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} aria-label={label}>
          {value.length > 0 ? 'Thêm tệp' : 'Tải tệp lên'}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Đính kèm được nhiều tệp: {ALLOWED_TEXT}.
      </Typography.Text>
    </Flex>
  );
}
