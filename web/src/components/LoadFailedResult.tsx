import { Button, Flex, Result } from 'antd';
import type { ReactNode } from 'react';
import { ApiError, errorMessageOf } from '../api/ApiError';

interface Props {
  error: unknown;
  onRetry?: () => void;
  /** Where to go instead, e.g. a link back to the list. */
  back?: ReactNode;
}

/**
 * A detail page whose record could not be loaded: a record that does not exist reads as "not found",
 * anything else as a failure the user may retry. Always the server's Vietnamese message, never a blank page.
 */
export function LoadFailedResult({ error, onRetry, back }: Props) {
  const notFound = error instanceof ApiError && error.code === 'NOT_FOUND';
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? 'Không tìm thấy dữ liệu' : 'Chưa tải được dữ liệu'}
      subTitle={
        <>
          <div>{errorMessageOf(error)}</div>
          {requestId && <div>Mã yêu cầu: {requestId}</div>}
        </>
      }
      extra={
        <Flex gap={8} justify="center" wrap="wrap">
          {!notFound && onRetry && <Button onClick={onRetry}>Thử lại</Button>}
          {back}
        </Flex>
      }
    />
  );
}
