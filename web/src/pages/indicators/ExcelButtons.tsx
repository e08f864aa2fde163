import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Upload } from 'antd';
import { ApiError, errorMessageOf } from '../../api/ApiError';
import { useImportValues, valuesWorkbookUrl } from '../../api/indicators';
import { useCan } from '../../auth/SessionContext';

/** "Tải Excel" for everyone; "Nhập từ Excel" for the coordinator, with every problem of a refused file listed. */
export function ExcelButtons({ planId }: { planId: number }) {
  const canImport = useCan('indicators.manage');
  const importValues = useImportValues(planId);
  const { message, modal } = App.useApp();

  const upload = (file: File) => {
    importValues.mutate(file, {
      onSuccess: (r) =>
        message.success(
          r.created === 0
            ? `Không có số liệu mới: ${r.unchanged} dòng trùng với số liệu đã có.`
            : `Đã nhập ${r.created} số liệu mới${r.unchanged > 0 ? `, ${r.unchanged} dòng trùng số liệu đã có` : ''}.`,
        ),
      onError: (error) => {
        const problems = error instanceof ApiError ? error.fields.map((f) => f.message) : [];
        modal.error({
          title: 'Chưa nhập được tệp Excel',
          width: 640,
          okText: 'Đóng',
          content:
            problems.length > 0 ? (
              <>
                <p>Tệp có {problems.length} lỗi nên chưa lưu số liệu nào. Sửa các lỗi sau rồi nhập lại:</p>
                <ul
                  data-testid="import-problems"
                  style={{ maxHeight: 320, overflow: 'auto', paddingInlineStart: 18 }}
                >
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </>
            ) : (
              errorMessageOf(error)
            ),
        });
      },
    });
    return false;
  };

  return (
    <Flex gap={8} wrap="wrap">
      <a href={valuesWorkbookUrl(planId)} download>
        <Button icon={<DownloadOutlined />}>Tải Excel</Button>
      </a>
      {canImport && (
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload} maxCount={1}>
          <Button icon={<UploadOutlined />} loading={importValues.isPending}>
            Nhập từ Excel
          </Button>
        </Upload>
      )}
    </Flex>
  );
}
