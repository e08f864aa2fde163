import { Alert, App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessageOf } from '../../api/ApiError';
import { UnsavedTextList } from './UnsavedTextList';
import type { ReportConflict } from './useReportEditor';

interface Props {
  conflict: ReportConflict | null;
  onReload: () => Promise<void>;
}

/**
 * Someone else saved (or sent) the report first. Nothing is overwritten: the user reloads the newest
 * copy and their own text stays on screen, copyable, until they have put back what they need.
 */
export function ConflictModal({ conflict, onReload }: Props) {
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);

  const reload = async () => {
    setLoading(true);
    try {
      await onReload();
    } catch (error) {
      message.error(errorMessageOf(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Modal
      title="Báo cáo đã được thay đổi ở nơi khác"
      open={conflict !== null}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={720}
      footer={
        <Button type="primary" loading={loading} onClick={() => void reload()}>
          Tải lại bản mới nhất
        </Button>
      }
    >
      {conflict && (
        <>
          <Alert type="warning" showIcon title={conflict.message} style={{ marginBottom: 16 }} />
          {conflict.unsaved.length > 0 ? (
            <>
              <Typography.Paragraph>
                Nội dung bạn vừa nhập <strong>chưa được lưu</strong>. Nó vẫn được giữ lại bên dưới và ở đầu
                trang sau khi tải lại, để bạn sao chép và nhập lại vào bản mới nhất.
              </Typography.Paragraph>
              <UnsavedTextList items={conflict.unsaved} />
            </>
          ) : (
            <Typography.Paragraph>
              Các lựa chọn bạn vừa thay đổi (tình hình thực hiện, ngày tháng, tệp) chưa được lưu; hãy tải lại
              rồi chọn lại.
            </Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  );
}
