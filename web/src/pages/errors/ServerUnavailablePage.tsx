import { Button, Result } from 'antd';
import { errorMessageOf } from '../../api/ApiError';

/** The session could not even be checked: usually the server is down or the network is cut. */
export function ServerUnavailablePage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Result
      status="warning"
      title="Không kết nối được máy chủ"
      subTitle={errorMessageOf(error)}
      extra={
        <Button type="primary" onClick={onRetry}>
          Thử lại
        </Button>
      }
    />
  );
}
