import type { FormInstance, FormRule } from 'antd';
import type { ZodType } from 'zod';
import { ApiError } from '../api/ApiError';

/**
 * An antd rule backed by the shared zod schema of that field, so the form shows exactly the messages
 * the server would answer with and the rules live in one place.
 */
export function zodRule(schema: ZodType, toValue: (raw: unknown) => unknown = emptyToText): FormRule {
  return {
    validator: async (_rule, raw: unknown) => {
      const result = schema.safeParse(toValue(raw));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Giá trị không hợp lệ');
    },
  };
}

/** An untouched text box holds undefined; the string schemas should judge it as an empty string. */
function emptyToText(raw: unknown): unknown {
  return raw ?? '';
}

/** Turns an empty text box into null, as the API expects for "no value". */
export function blankToNull(raw: unknown): unknown {
  return typeof raw === 'string' && raw.trim() === '' ? null : raw;
}

/**
 * Puts the server's per-field messages under the matching inputs. Returns true when at least one
 * message found its field, so the caller can skip a duplicate toast.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const matched = error.fields.filter((f) => known.has(f.path.split('.')[0] ?? ''));
  form.setFields(matched.map((f) => ({ name: f.path.split('.')[0] ?? f.path, errors: [f.message] })));
  return matched.length > 0;
}
