import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Spin, Typography, Upload } from 'antd';
import { useNavigate } from 'react-router-dom';
import { errorMessageOf } from '../../api/ApiError';
import { useUploadPlan } from '../../api/plan-import';
import { usePageTitle } from '../../lib/usePageTitle';
import { OpenDraftsCard } from './OpenDraftsCard';

const ACCEPTED = ['.docx', '.pdf', '.doc', '.txt'];

export function PlanUploadPage() {
  usePageTitle('Nhập kế hoạch');
  const navigate = useNavigate();
  const upload = useUploadPlan();

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Nhập kế hoạch từ văn bản
      </Typography.Title>
      <Card style={{ maxWidth: 880 }}>
        <Typography.Paragraph>
          Tải lên văn bản kế hoạch đã ban hành. Hệ thống đọc số hiệu, ngày ban hành, căn cứ, mục tiêu, phân
          công nhiệm vụ, chế độ báo cáo và bảng danh mục nhiệm vụ thành một <strong>bản nháp</strong>. Bạn
          kiểm tra, sửa bản nháp bên cạnh văn bản gốc rồi mới xác nhận thành kế hoạch; chưa xác nhận thì chưa
          có gì được giao cho các cơ quan.
        </Typography.Paragraph>
        <Typography.Paragraph>Định dạng được nhận:</Typography.Paragraph>
        <ul>
          <li>
            <strong>.docx</strong> — tệp Word của văn bản;
          </li>
          <li>
            <strong>.pdf</strong> — bản PDF lấy từ hệ thống văn bản điều hành hoặc công báo (kể cả bản có chữ
            ký số); bảng nhiệm vụ được dựng lại theo cột. Bản quét (ảnh) chỉ đọc được khi máy chủ đã bật nhận
            dạng chữ (OCR) và có thể cần sửa nhiều hơn;
          </li>
          <li>
            <strong>.doc</strong> — tệp Word 97-2003, được chuyển sang .docx khi máy chủ có LibreOffice;
          </li>
          <li>
            <strong>.txt</strong> — văn bản thuần, mã hóa UTF-8, ví dụ nội dung sao chép từ cổng thông tin văn
            bản;
          </li>
          <li>dung lượng tối đa 20 MB.</li>
        </ul>
        {upload.isError && (
          <Alert
            type="error"
            showIcon
            title="Không đọc được văn bản"
            description={errorMessageOf(upload.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Spin spinning={upload.isPending} description="Đang đọc văn bản…">
          <Upload.Dragger
            // The picker offers the formats above, but any dropped file still goes to the server, whose
            // answer explains what to do; silently ignoring the drop would leave the officer guessing.
            accept={{ format: ACCEPTED.join(','), filter: 'native' }}
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              upload.mutate(file, { onSuccess: (imp) => navigate(`/ke-hoach/nhap/${imp.id}`) });
              // The request is ours (with the session's security token); antd must not send it again.
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">Kéo thả tệp văn bản vào đây, hoặc bấm để chọn tệp</p>
            <p className="ant-upload-hint">Một tệp .docx, .pdf, .doc hoặc .txt cho mỗi lần nhập</p>
          </Upload.Dragger>
        </Spin>
      </Card>
      <OpenDraftsCard />
    </>
  );
}
