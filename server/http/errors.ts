import type { ErrorCode } from '../../shared/contracts/errors';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  RATE_LIMITED: 429,
  CSRF_INVALID: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  DATABASE_UNAVAILABLE: 503,
  STORAGE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu gửi lên không hợp lệ.',
  UNAUTHENTICATED: 'Bạn cần đăng nhập để tiếp tục.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  ACCOUNT_DISABLED: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị hệ thống.',
  RATE_LIMITED: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ít phút.',
  CSRF_INVALID: 'Phiên làm việc không hợp lệ hoặc đã hết hạn. Vui lòng tải lại trang.',
  PASSWORD_CHANGE_REQUIRED:
    'Bạn cần đổi mật khẩu trước khi tiếp tục: hãy đặt mật khẩu mới tại màn hình đổi mật khẩu.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  CONFLICT: 'Dữ liệu đã bị thay đổi hoặc bị trùng.',
  PAYLOAD_TOO_LARGE: 'Tệp gửi lên quá lớn.',
  DATABASE_UNAVAILABLE: 'Tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.',
  STORAGE_UNAVAILABLE: 'Không ghi được dữ liệu vào thư mục lưu trữ. Vui lòng báo quản trị hệ thống.',
  INTERNAL:
    'Hệ thống gặp lỗi không mong muốn. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị kèm mã yêu cầu.',
};

/** An error the user is meant to read: a known code, its status and a Vietnamese message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: { path: string; message: string }[] | undefined;

  constructor(code: ErrorCode, message?: string, fields?: { path: string; message: string }[]) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.code = code;
    this.status = STATUS[code];
    this.fields = fields;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`);
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
