import type { ErrorCode } from '../../../shared/contracts/errors';

/** Codes the server sends plus the two failures only the browser can see. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

export interface FieldError {
  path: string;
  message: string;
}

/** Every failed API call ends up as one of these, always with a Vietnamese message fit to show the user. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;

  constructor(init: {
    code: ClientErrorCode;
    message: string;
    status: number;
    fields?: FieldError[];
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
  }
}

export const NETWORK_ERROR_MESSAGE =
  'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.';
const BAD_RESPONSE_MESSAGE = 'Máy chủ trả về dữ liệu không đọc được. Vui lòng thử lại sau ít phút.';
const TOO_LARGE_MESSAGE = 'Dữ liệu hoặc tệp gửi lên quá lớn, máy chủ không nhận. Hãy gửi phần nhỏ hơn.';
const UNKNOWN_ERROR_MESSAGE = 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';

export function networkError(): ApiError {
  return new ApiError({ code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE, status: 0 });
}

export function badResponseError(status: number): ApiError {
  // A proxy in front of the server answers 502/504 with HTML when the server is down.
  if (status === 502 || status === 503 || status === 504) {
    return new ApiError({ code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE, status });
  }
  // A proxy's own size limit answers 413 with an HTML page, before planwatch's Vietnamese one.
  if (status === 413) return new ApiError({ code: 'PAYLOAD_TOO_LARGE', message: TOO_LARGE_MESSAGE, status });
  return new ApiError({ code: 'BAD_RESPONSE', message: BAD_RESPONSE_MESSAGE, status });
}

/** The message to show for anything thrown, never an English runtime message. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return UNKNOWN_ERROR_MESSAGE;
}
