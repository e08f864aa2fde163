import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';
import { fieldLabel } from './field-labels';

/**
 * Checks every API request's parsed body, query string and path parameters before schema validation,
 * for what no field may hold:
 * - the NUL character (U+0000): PostgreSQL text cannot store it, so it would fail deep in a query;
 * - a text value longer than MAX_TEXT_LENGTH;
 * - nesting deeper than MAX_INPUT_DEPTH: recursive validation or serialisation of a 5,000-level
 *   structure overflows the stack. No request of planwatch nests anywhere near this (a plan's section
 *   tree is capped far lower, at MAX_SECTION_DEPTH levels, by its schema).
 * The walk is iterative, so the check itself cannot overflow, and it names the field that is wrong.
 */
export const MAX_INPUT_DEPTH = 64;

/**
 * No single text value may be longer than this (characters). Fields have their own, lower limits in
 * their schemas; this one covers free text without one (a draft's paragraphs, a title) so a 1 MB
 * "title" is refused by name rather than stored. The longest real field, a report entry's result, is
 * capped at 100,000.
 */
export const MAX_TEXT_LENGTH = 200_000;

export type InputProblem = { kind: 'nul' | 'depth' | 'length'; path: string };

/** The first NUL or over-deep place in a parsed JSON value (depth-first, in document order). */
export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const v = item.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { kind: 'nul', path: item.path };
      if (v.length > MAX_TEXT_LENGTH) return { kind: 'length', path: item.path };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (item.depth >= maxDepth) return { kind: 'depth', path: item.path };
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [String(i), x])
      : Object.entries(v as Record<string, unknown>);
    // Pushed in reverse so the first field is looked at first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      const path = item.path === '' ? key : `${item.path}.${key}`;
      if (key.includes('\u0000')) return { kind: 'nul', path: item.path === '' ? '' : item.path };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return null;
}

export const NUL_MESSAGE = 'chứa ký tự NUL (\\u0000) không được phép; hãy xóa ký tự này rồi gửi lại';

function problemError(where: string, p: InputProblem): AppError {
  // A 5,000-level path is named by where it starts ("draft.sections.0"), which is what the user can find.
  const path = p.kind === 'depth' ? p.path.split('.').slice(0, 3).join('.') : p.path;
  const field = path === '' ? where : fieldLabel(path);
  const message =
    p.kind === 'nul'
      ? `${field} ${NUL_MESSAGE}.`
      : p.kind === 'length'
        ? `${field} dài quá ${MAX_TEXT_LENGTH.toLocaleString('vi-VN')} ký tự.`
        : `${field} lồng nhau quá sâu (quá ${MAX_INPUT_DEPTH} cấp); dữ liệu này không hợp lệ.`;
  return new AppError('VALIDATION_FAILED', `Dữ liệu không hợp lệ — ${message}`, [{ path, message }]);
}

/** Refuses a NUL in an uploaded file's name (multipart), naming the field. */
export function checkFilename(filename: string): string {
  if (filename.includes('\u0000')) {
    const message = `Tên tệp ${NUL_MESSAGE}`;
    throw new AppError('VALIDATION_FAILED', `Dữ liệu không hợp lệ — ${message}.`, [
      { path: 'filename', message },
    ]);
  }
  return filename;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    for (const [where, value] of [
      ['Đường dẫn', req.params],
      ['Tham số truy vấn', req.query],
      ['Nội dung gửi lên', req.body],
    ] as const) {
      const problem = findInputProblem(value);
      if (problem !== null) throw problemError(where, problem);
    }
  });
}
