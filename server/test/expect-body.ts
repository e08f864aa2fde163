import type { z } from 'zod';
import { type ErrorResponse, errorResponseSchema } from '../../shared/contracts/errors';
import type { TestResponse } from './http-agent';

/**
 * The response body parsed with its contract schema: the test gets the typed value the client would,
 * and a body that breaks the contract fails with the status, the Zod issues and the body itself
 * (instead of a cast that lets a wrong shape through). `status` is checked first when given.
 */
export function expectBody<S extends z.ZodTypeAny>(
  res: Pick<TestResponse, 'status' | 'body'>,
  schema: S,
  status?: number,
): z.output<S> {
  if (status !== undefined && res.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 1000)}`);
  }
  const parsed = schema.safeParse(res.body);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `  ${i.path.join('.') || '(body)'}: ${i.message}`)
      .join('\n');
    throw new Error(
      `HTTP ${res.status} body does not match the contract:\n${issues}\nbody: ${JSON.stringify(res.body).slice(0, 2000)}`,
    );
  }
  return parsed.data;
}

/** An error answer: the status, then the Vietnamese message (and fields) a user would be shown. */
export function expectError(res: TestResponse, status: number): ErrorResponse['error'] {
  return expectBody(res, errorResponseSchema, status).error;
}
