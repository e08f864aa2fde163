import { AppError } from '../http/errors';

/**
 * Failures of the machinery under the application — a full or read-only disk, a lost database
 * connection — turned into errors an administrator can act on: a Vietnamese message naming the folder
 * or the database, answered as 503 (the request was fine, the service is not), instead of a 500.
 */

type StorageProblem = 'full' | 'readonly' | 'permission' | 'io' | 'cantopen';

const SQLITE_STORAGE: [prefix: string, problem: StorageProblem][] = [
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY', 'readonly'],
  ['SQLITE_PERM', 'permission'],
  ['SQLITE_CANTOPEN', 'cantopen'],
  ['SQLITE_IOERR', 'io'],
];

const FS_STORAGE: Record<string, StorageProblem> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EROFS: 'readonly',
  EACCES: 'permission',
  EPERM: 'permission',
  EIO: 'io',
};

const STORAGE_MESSAGES: Record<StorageProblem, (folder: string) => string> = {
  full: (f) =>
    `Ổ đĩa chứa thư mục dữ liệu "${f}" đã đầy nên không ghi được. Hãy giải phóng dung lượng hoặc mở rộng ổ đĩa rồi thử lại; dữ liệu đã lưu trước đó không bị ảnh hưởng.`,
  readonly: (f) =>
    `Thư mục dữ liệu "${f}" đang ở chế độ chỉ đọc nên không ghi được. Hãy kiểm tra ổ đĩa (hệ điều hành có thể đã gắn lại ổ ở chế độ chỉ đọc do lỗi) rồi thử lại.`,
  permission: (f) =>
    `Không có quyền ghi vào thư mục dữ liệu "${f}". Hãy cấp quyền ghi cho tài khoản chạy planwatch rồi thử lại.`,
  io: (f) => `Lỗi đọc/ghi ổ đĩa ở thư mục dữ liệu "${f}". Hãy kiểm tra tình trạng ổ đĩa.`,
  cantopen: (f) =>
    `Không mở được cơ sở dữ liệu trong thư mục "${f}": thư mục không tồn tại, chỉ cho phép đọc hoặc không có quyền ghi.`,
};

const codeOf = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

function storageProblem(err: unknown): StorageProblem | null {
  const code = codeOf(err);
  if (!code) return null;
  if (code.startsWith('SQLITE_')) {
    for (const [prefix, problem] of SQLITE_STORAGE) if (code.startsWith(prefix)) return problem;
    return null;
  }
  return FS_STORAGE[code] ?? null;
}

/** A full, read-only or unwritable folder as a 503 naming `folder`; null for any other error. */
export function storageFault(err: unknown, folder: string): AppError | null {
  if (err instanceof AppError) return err.code === 'STORAGE_UNAVAILABLE' ? err : null;
  const problem = storageProblem(err);
  if (!problem) return null;
  const fault = new AppError('STORAGE_UNAVAILABLE', STORAGE_MESSAGES[problem](folder));
  fault.cause = err;
  return fault;
}

/** SQLite gave up waiting for another writer (after busy_timeout): worth retrying, not a bug. */
export function sqliteBusyFault(err: unknown): AppError | null {
  const code = codeOf(err);
  if (!code || !(code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) return null;
  const fault = new AppError(
    'DATABASE_UNAVAILABLE',
    'Cơ sở dữ liệu đang bận ghi dữ liệu khác quá lâu. Vui lòng thử lại sau ít giây.',
  );
  fault.cause = err;
  return fault;
}

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: terminated, shutting
// down, starting up), 53300 (too many connections), and the socket errors of node and pg.
const PG_CONNECTION_STATES = /^(08|57P0[1-4]|53300)/;
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
const PG_CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed|Connection closed/i;

/** PostgreSQL could not be reached or dropped the connection: a 503 the user may retry. */
export function connectionFault(err: unknown): AppError | null {
  if (err instanceof AppError) return err.code === 'DATABASE_UNAVAILABLE' ? err : null;
  if (!(err instanceof Error)) return null;
  const code = codeOf(err);
  const lost =
    (code !== undefined && (PG_CONNECTION_STATES.test(code) || SOCKET_CODES.has(code))) ||
    PG_CONNECTION_MESSAGES.test(err.message) ||
    (err instanceof AggregateError && err.errors.some((e) => connectionFault(e) !== null));
  if (!lost) return null;
  const fault = new AppError('DATABASE_UNAVAILABLE');
  fault.cause = err;
  return fault;
}

/**
 * What the process has seen go wrong with its storage, for /api/health: the last write refused for lack
 * of space or permission stays reported until a later write succeeds.
 */
export class FaultMonitor {
  private storage: { message: string; at: string } | null = null;
  private log: FaultLogger = stderrLogger;
  private readonly reported = new WeakSet<Error>();

  /** Where connection losses are reported; the server points this at its own logger. */
  setLogger(log: FaultLogger): void {
    this.log = log;
  }

  connectionLost(err: Error): void {
    // The pool and the client both report an idle connection's loss: log it once. pg-pool hangs the
    // whole client on the error, so log only what an administrator reads.
    if (this.reported.has(err)) return;
    this.reported.add(err);
    const { message, code } = err as Error & { code?: string };
    this.log.warn(
      { err: { message, code } },
      'database connection lost; a new one will be opened for the next query',
    );
  }

  recordStorage(fault: AppError): void {
    this.storage = { message: fault.message, at: new Date().toISOString() };
  }

  clearStorage(): void {
    this.storage = null;
  }

  get lastStorageFault(): { message: string; at: string } | null {
    return this.storage;
  }
}

export interface FaultLogger {
  warn(obj: { err: unknown }, msg: string): void;
}

const stderrLogger: FaultLogger = {
  warn: (obj, msg) => console.error(`${msg}: ${obj.err instanceof Error ? obj.err.message : obj.err}`),
};
