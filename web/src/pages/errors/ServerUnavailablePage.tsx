import { Button, Flex, Result } from 'antd';
import { ApiError, errorMessageOf } from '../../api/ApiError';

/** The session could not even be checked: usually the server is down or the network is cut. */
export function ServerUnavailablePage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const unreachable = error instanceof ApiError && error.code === 'NETWORK_ERROR';
  return (
    <Flex align="center" justify="center" style={{ minHeight: '70vh' }}>
      <Result
        status="warning"
        title={unreachable ? 'Không kết nối được máy chủ' : 'Không kiểm tra được phiên đăng nhập'}
        subTitle={errorMessageOf(error)}
        extra={
          <Button type="primary" onClick={onRetry}>
            Thử lại
          </Button>
        }
      />
    </Flex>
  );
}
