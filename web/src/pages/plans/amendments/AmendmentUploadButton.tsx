import { FileAddOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useNavigate } from 'react-router-dom';
import { planAmendmentPath } from '../../../../../shared/domain/app-links';
import { errorMessageOf } from '../../../api/ApiError';
import { useUploadAmendment } from '../../../api/amendments';

/** "Nhập văn bản điều chỉnh": upload a supplementing or adjusting document, then review what it changes. */
export function AmendmentUploadButton({ planId }: { planId: number }) {
  const upload = useUploadAmendment(planId);
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <Upload
      accept=".docx,.doc,.pdf,.txt"
      showUploadList={false}
      customRequest={({ file }) =>
        upload.mutate(file as File, {
          onSuccess: (a) => navigate(planAmendmentPath(planId, a.id)),
          onError: (error) => message.error(errorMessageOf(error)),
        })
      }
    >
      <Button icon={<FileAddOutlined />} loading={upload.isPending} data-testid="amendment-upload">
        Nhập văn bản bổ sung, điều chỉnh
      </Button>
    </Upload>
  );
}
