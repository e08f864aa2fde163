import path from 'node:path';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../../shared/contracts/errors';
import { connectionFault, type FaultMonitor, storageFault } from '../db/faults';
import { AppError, DEFAULT_MESSAGES } from './errors';
import { fieldLabel } from './field-labels';

const MAX_LISTED_ERRORS = 5;

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`.replace('.', ',');
}

/**
 * PostgreSQL's "data exception" class (SQLSTATE 22xxx: a number out of range, NUL in text, an
 * impossible date, bad UTF-8) and SQLite's "too big" all mean a value the database cannot store.
 */
function databaseRefusal(err: unknown): string | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (/^22[0-9A-Z]{3}$/.test(code) && (err as { severity?: unknown }).severity !== undefined) {
    return 'Dữ liệu gửi lên có giá trị cơ sở dữ liệu không lưu được (số quá lớn, ký tự không hợp lệ hoặc ngày không có thật).';
  }
  if (code === 'SQLITE_TOOBIG') {
    return 'Dữ liệu gửi lên có giá trị quá lớn, không lưu được.';
  }
  return null;
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
      // A large draft can fail in thousands of places: name the first few, count the rest.
      const shown = fields
        .slice(0, MAX_LISTED_ERRORS)
        .map((f) => (f.path ? `${fieldLabel(f.path)}: ${f.message}` : f.message));
      if (fields.length > MAX_LISTED_ERRORS) shown.push(`và ${fields.length - MAX_LISTED_ERRORS} lỗi khác`);
      const summary = shown.join('; ');
      const body: ErrorResponse = {
        error: { code: 'VALIDATION_FAILED', message: `Dữ liệu không hợp lệ — ${summary}`, fields },
      };
      return reply.status(400).send(body);
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = req.routeOptions.bodyLimit ?? 0;
      return reply.status(413).send({
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: `Dữ liệu gửi lên quá lớn (giới hạn ${formatMegabytes(limit)} cho thao tác này).`,
        },
      });
    }
    if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: { code: 'PAYLOAD_TOO_LARGE', message: DEFAULT_MESSAGES.PAYLOAD_TOO_LARGE } });
    }
    const refused = databaseRefusal(err);
    if (refused !== null) {
      // A value the database cannot hold that slipped past the schemas: the input's fault, not a crash.
      // Logged as a warning, since a schema should have caught it first.
      req.log.warn({ err, requestId: req.id }, 'database refused a value');
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: refused } });
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
