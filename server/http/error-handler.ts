import path from 'node:path';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../../shared/contracts/errors';
import { connectionFault, type FaultMonitor, storageFault } from '../db/faults';
import { AppError, DEFAULT_MESSAGES } from './errors';

const FIELD_LABELS: Record<string, string> = {
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  fullName: 'Họ và tên',
  email: 'Thư điện tử',
  role: 'Vai trò',
  organisationId: 'Cơ quan',
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại',
};

function fieldName(path: string): string {
  const first = path.split('.')[0] ?? path;
  return FIELD_LABELS[first] ?? path;
}

/**
 * A lost database connection or a full / read-only folder, from wherever it was thrown, as the 503
 * AppError of server/db/faults.ts. A file-system error names the folder of the file it was about.
 */
function infrastructureFault(err: unknown): AppError | null {
  const fsPath = (err as { path?: unknown }).path;
  return (
    connectionFault(err) ?? (typeof fsPath === 'string' ? storageFault(err, path.dirname(fsPath)) : null)
  );
}

/** Turns every failure into `{ error: { code, message } }`; unknown ones are logged and masked. */
export function registerErrorHandling(
  app: FastifyInstance,
  opts: { spaIndex: boolean; faults?: FaultMonitor },
): void {
  app.setErrorHandler((thrown: FastifyError, req, reply) => {
    const err = (thrown instanceof AppError ? null : infrastructureFault(thrown)) ?? thrown;
    if (err instanceof AppError) {
      if (err.status >= 500) {
        // The user reads the message; the administrator needs the cause in the log.
        req.log.error({ err: err.cause ?? err, requestId: req.id }, err.message);
        if (err.code === 'STORAGE_UNAVAILABLE') opts.faults?.recordStorage(err);
      }
      const body: ErrorResponse = {
        error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) },
      };
      return reply.status(err.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { path, message: v.message ?? 'Giá trị không hợp lệ' };
      });
      const summary = fields
        .map((f) => (f.path ? `${fieldName(f.path)}: ${f.message}` : f.message))
        .join('; ');
      const body: ErrorResponse = {
        error: { code: 'VALIDATION_FAILED', message: `Dữ liệu không hợp lệ — ${summary}`, fields },
      };
      return reply.status(400).send(body);
    }
    if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: { code: 'PAYLOAD_TOO_LARGE', message: DEFAULT_MESSAGES.PAYLOAD_TOO_LARGE } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the client's fault, said plainly.
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Yêu cầu không đúng định dạng (JSON không hợp lệ hoặc thiếu dữ liệu).',
        },
      });
    }
    req.log.error({ err, requestId: req.id }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL, requestId: String(req.id) } });
  });

  // A write request that went through shows the disk takes writes again (with PostgreSQL the database
  // driver never sees the files folder, so this is what clears a fault met by FileStore).
  const faults = opts.faults;
  if (faults) {
    app.addHook('onResponse', async (req, reply) => {
      if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) faults.clearStorage();
    });
  }

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không có địa chỉ API này.' } });
    }
    // Client-side routes (/ke-hoach/12, …) are pages of the single-page app: answer its index.html.
    // A missing script or style stays a 404, since index.html in its place would leave a blank page.
    if (opts.spaIndex && req.method === 'GET' && !req.url.startsWith('/assets/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy trang.');
  });
}
