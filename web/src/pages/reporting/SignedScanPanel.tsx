import { FileDoneOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, List, Tag, Typography, Upload } from 'antd';
import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { SIGNED_SCAN_MAX_BYTES } from '../../../../shared/contracts/signed-scans';
import { errorMessageOf } from '../../api/ApiError';
import { useSignedScans, useUploadSignedScan } from '../../api/signed-scans';
import { formatDateTime } from '../../lib/dates';
import { formatFileSize } from '../../lib/numbers';

const EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff'];

function refusal(file: File): string | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!EXTENSIONS.includes(ext)) return `Tệp “${file.name}” không phải PDF hoặc ảnh (.jpg, .png, .tif).`;
  if (file.size > SIGNED_SCAN_MAX_BYTES)
    return `Tệp “${file.name}” nặng ${formatFileSize(file.size)}, vượt giới hạn ${formatFileSize(SIGNED_SCAN_MAX_BYTES)}.`;
  if (file.size === 0) return `Tệp “${file.name}” rỗng.`;
  return null;
}

/**
 * The scan of the signed paper: the agency uploads it once the report is sent (a new one replaces the
 * current scan, the earlier ones stay listed); everyone who reads the report downloads them.
 */
export function SignedScanPanel({ report }: { report: ReportDetail }) {
  const { message } = App.useApp();
  const scans = useSignedScans(report.id);
  const upload = useUploadSignedScan(report.id);
  const items = scans.data?.items ?? [];
  const notSent = report.state === 'draft' || report.state === 'returned';
  const ownAgencyWriter = report.can.edit || scans.data?.canUpload === true;

  return (
    <Card
      title={
        <span>
          <FileDoneOutlined /> Bản scan báo cáo đã ký
        </span>
      }
      style={{ marginTop: 16 }}
      extra={
        scans.data?.canUpload && (
          <Upload
            accept={EXTENSIONS.map((e) => `.${e}`).join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              const why = refusal(file);
              if (why) {
                message.error(why);
                return Upload.LIST_IGNORE;
              }
              upload.mutateAsync(file).then(
                (scan) => message.success(`Đã tải lên bản scan ${scan.filename}.`),
                (error: unknown) => message.error(errorMessageOf(error)),
              );
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              {items.length > 0 ? 'Thay bản scan' : 'Tải lên bản scan đã ký'}
            </Button>
          </Upload>
        )
      }
    >
      {notSent && ownAgencyWriter && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="Gửi báo cáo trước, rồi tải văn bản Word để trình ký và tải lên bản scan đã ký."
          description='Văn bản Word của báo cáo chưa gửi có chữ "DỰ THẢO": nội dung ký phải đúng nội dung đã gửi trên hệ thống.'
        />
      )}
      {scans.isError ? (
        <Typography.Text type="danger">{errorMessageOf(scans.error)}</Typography.Text>
      ) : (
        <List
          loading={scans.isPending}
          locale={{ emptyText: 'Chưa có bản scan báo cáo đã ký.' }}
          dataSource={items}
          renderItem={(s) => (
            <List.Item>
              <Flex gap={8} align="center" wrap="wrap">
                <a href={s.url} target="_blank" rel="noreferrer">
                  {s.filename}
                </a>
                <Typography.Text type="secondary">({formatFileSize(s.size)})</Typography.Text>
                {s.current ? <Tag color="green">Bản hiện hành</Tag> : <Tag>Bản đã thay</Tag>}
                <Typography.Text type="secondary">
                  {s.uploadedBy?.name ?? 'Không rõ người tải'} · {formatDateTime(s.uploadedAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
