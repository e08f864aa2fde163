import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload } from 'antd';
import type { TaskRequestFile } from '../../../../../shared/contracts/task-requests';
import { errorMessageOf } from '../../../api/ApiError';
import { useUploadTaskRequestFile } from '../../../api/taskRequests';

/** The agency's document for a request, uploaded when picked; the form keeps the stored file. */
export function RequestFileInput({
  taskId,
  value,
  onChange,
}: {
  taskId: number;
  value?: TaskRequestFile | null;
  onChange?: (f: TaskRequestFile | null) => void;
}) {
  const upload = useUploadTaskRequestFile(taskId);
  const { message } = App.useApp();
  return (
    <Flex gap={8} align="center" wrap="wrap">
      <Upload
        accept=".pdf,.docx,.doc,.odt"
        showUploadList={false}
        customRequest={({ file }) =>
          upload.mutate(file as File, {
            onSuccess: (f) => onChange?.(f),
            onError: (error) => message.error(errorMessageOf(error)),
          })
        }
      >
        <Button icon={<PaperClipOutlined />} loading={upload.isPending}>
          {value ? 'Chọn tệp khác' : 'Chọn tệp'}
        </Button>
      </Upload>
      {value && (
        <>
          <Typography.Text>{value.filename}</Typography.Text>
          <Button size="small" type="link" onClick={() => onChange?.(null)}>
            Bỏ tệp
          </Button>
        </>
      )}
    </Flex>
  );
}
