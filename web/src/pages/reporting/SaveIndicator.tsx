import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import type { SaveStatus } from './useReportEditor';

interface Props {
  status: SaveStatus;
  savedAt: Date | null;
  error: string | null;
}

/** Tells the user, without being asked, whether what they typed is safe on the server. */
export function SaveIndicator({ status, savedAt, error }: Props) {
  const savedText = savedAt ? `Đã lưu lúc ${dayjs(savedAt).format('HH:mm:ss')}` : 'Chưa có thay đổi';
  const content = (() => {
    switch (status) {
      case 'saving':
        return (
          <Typography.Text type="secondary">
            <LoadingOutlined /> Đang lưu…
          </Typography.Text>
        );
      case 'pending':
        return <Typography.Text type="warning">Có thay đổi chưa lưu</Typography.Text>;
      case 'error':
        return (
          <Typography.Text type="danger">
            <ExclamationCircleOutlined /> Chưa lưu được: {error}
          </Typography.Text>
        );
      case 'conflict':
        return (
          <Typography.Text type="danger">
            <ExclamationCircleOutlined /> Chưa lưu được vì báo cáo đã thay đổi
          </Typography.Text>
        );
      case 'saved':
        return (
          <Typography.Text type="success">
            <CheckCircleOutlined /> {savedText}
          </Typography.Text>
        );
      default:
        return <Typography.Text type="secondary">{savedText}</Typography.Text>;
    }
  })();
  // Announced politely to screen readers, so a failed save is not only a colour change.
  return (
    <span role="status" aria-live="polite" data-testid="save-status">
      {content}
    </span>
  );
}
