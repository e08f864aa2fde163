import { PaperClipOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { errorMessageOf } from '../api/ApiError';

/**
 * A form field holding a file stored on the server: the picked file is uploaded at once through `upload`
 * and the form keeps what the server answered (its id and name); "Bỏ tệp" clears it. Used for the
 * amending document of a plan change and the agency's letter of a request.
 */
export function StoredFilePicker<F extends { filename: string }>({
  upload,
  accept,
  value,
  onChange,
}: {
  upload: UseMutationResult<F, unknown, File>;
  /** The file types offered by the browser's picker; the server checks them again. */
  accept: string;
  value?: F | null;
  onChange?: (f: F | null) => void;
}) {
  const { message } = App.useApp();
  return (
    <Flex gap={8} align="center" wrap="wrap">
      <Upload
        accept={accept}
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
