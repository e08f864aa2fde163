import { CheckCircleOutlined, DownloadOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import type { PlanImport } from '../../../../shared/contracts/plan-import';
import { originalDocumentUrl } from '../../api/plan-import';
import { formatDateTime } from '../../lib/dates';
import { shortHash } from '../../lib/numbers';

interface Props {
  imp: PlanImport;
  uncertain: number;
  dirty: boolean;
  editable: boolean;
  /** Why confirming is not possible now, or null. */
  confirmBlocked: string | null;
  saving: boolean;
  confirming: boolean;
  discarding: boolean;
  onSave: () => void;
  onConfirm: () => void;
  onDiscard: () => void;
}

export function ReviewToolbar(props: Props) {
  const { imp, uncertain, dirty, editable, confirmBlocked } = props;
  const doc = imp.document;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {doc ? 'Kiểm tra bản nháp kế hoạch' : 'Tạo kế hoạch mới (nhập tay)'} {imp.draft.number ?? ''}
        </Typography.Title>
        {editable && (
          <Flex gap={8} wrap="wrap">
            <Button icon={<SaveOutlined />} onClick={props.onSave} disabled={!dirty} loading={props.saving}>
              Lưu nháp
            </Button>
            <Tooltip title={confirmBlocked}>
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                onClick={props.onConfirm}
                disabled={confirmBlocked !== null}
                loading={props.confirming}
              >
                {doc ? 'Xác nhận nhập kế hoạch' : 'Xác nhận tạo kế hoạch'}
              </Button>
            </Tooltip>
            <Popconfirm
              title="Hủy bản nháp này?"
              description={
                doc
                  ? 'Tệp đã tải lên vẫn được lưu, nhưng bản nháp sẽ không sửa hay xác nhận được nữa.'
                  : 'Bản nháp sẽ không sửa hay xác nhận được nữa.'
              }
              okText="Hủy bản nháp"
              okButtonProps={{ danger: true }}
              cancelText="Không"
              onConfirm={props.onDiscard}
            >
              <Button danger loading={props.discarding}>
                Hủy bản nháp
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
      <Flex gap={12} align="center" wrap="wrap">
        {editable &&
          (uncertain > 0 ? (
            <Tag color="orange" icon={<WarningOutlined />} style={{ fontSize: 14, padding: '2px 8px' }}>
              Còn {uncertain} mục cần kiểm tra
            </Tag>
          ) : (
            <Tag color="green" icon={<CheckCircleOutlined />} style={{ fontSize: 14, padding: '2px 8px' }}>
              Không còn mục nào cần kiểm tra
            </Tag>
          ))}
        {editable && dirty && <Typography.Text type="warning">Có thay đổi chưa lưu</Typography.Text>}
        {doc ? (
          <>
            <Typography.Text type="secondary">
              Tệp {doc.filename}, tải lên lúc {formatDateTime(imp.createdAt)} —{' '}
            </Typography.Text>
            <a href={originalDocumentUrl(imp.id)} download={doc.filename}>
              <DownloadOutlined /> Tải văn bản gốc
            </a>
            <Tooltip title={`Mã SHA-256 đầy đủ: ${doc.sha256}`}>
              <Typography.Text type="secondary" code>
                SHA-256 {shortHash(doc.sha256)}…
              </Typography.Text>
            </Tooltip>
          </>
        ) : (
          <Typography.Text type="secondary">
            Bản nháp nhập tay, bắt đầu lúc {formatDateTime(imp.createdAt)}; lưu nháp để làm tiếp lúc khác.
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
