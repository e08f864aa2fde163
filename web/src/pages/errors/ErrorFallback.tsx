import { Button, Flex, Result, Space } from 'antd';
import { ApiError } from '../../api/ApiError';

/**
 * What the user sees when rendering failed. Plain links instead of router navigation: the router state
 * may be what broke, and a full reload is the most reliable way out.
 */
export function ErrorFallback({ error }: { error: unknown }) {
  const detail =
    error instanceof ApiError
      ? error.message
      : 'Trang gặp sự cố khi hiển thị. Bạn có thể tải lại trang hoặc quay về trang Tổng quan; nếu lỗi lặp lại, hãy báo quản trị hệ thống.';
  return (
    <Flex align="center" justify="center" style={{ minHeight: '70vh' }}>
      <Result
        status="500"
        title="Đã xảy ra lỗi"
        subTitle={detail}
        extra={
          <Space>
            <Button type="primary" onClick={() => window.location.reload()}>
              Tải lại trang
            </Button>
            <Button href="/">Về trang Tổng quan</Button>
          </Space>
        }
      />
    </Flex>
  );
}
