import { Alert, Button } from 'antd';
import { ApiError, errorMessageOf } from '../api/ApiError';

/** A failed load, told in Vietnamese, with a way to try again instead of a silent empty table. */
export function QueryErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessageOf(error)}
      description={requestId ? `Mã yêu cầu: ${requestId}` : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            Thử lại
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
