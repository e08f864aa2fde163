import type { ErrorResponse } from '../../../shared/contracts/errors';
import { ApiError, badResponseError, networkError } from './ApiError';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryParams = Record<string, string | number | undefined | null>;

/*
 * The CSRF token lives in memory only: it comes with every session response and is sent back on writes.
 * Keeping it out of storage means another tab's stale copy can never be reused after logout.
 */
let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registered once by the app so a 401 anywhere drops the cached session and sends the user to login. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function buildUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badResponseError(response.status);
  }
}

async function send(method: Method, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A file upload goes as multipart: the browser writes that content type itself, with the boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    // Let React Query see its own cancellations; everything else here means the server is unreachable.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
}

/** Asks the server for the current session's token, e.g. after it rejected the one we held. */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/api/auth/session', undefined);
  if (!response.ok) return false;
  const body = await readJson(response);
  if (typeof body !== 'object' || body === null || !('csrfToken' in body)) return false;
  if (typeof body.csrfToken !== 'string') return false;
  csrfToken = body.csrfToken;
  return true;
}

interface RequestOptions {
  body?: unknown;
  params?: QueryParams;
  signal?: AbortSignal;
}

/**
 * Calls the API and returns the parsed JSON, or throws ApiError. Called through typed.ts, which states
 * the type from the generated OpenAPI types; the server validates its responses against the same schemas.
 */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, options.params);
  let response = await send(method, url, options.body, options.signal);
  let body = await readJson(response);
  // A token can go stale (another tab logged in again); fetch the current one and try exactly once more.
  if (response.status === 403 && isErrorResponse(body) && body.error.code === 'CSRF_INVALID') {
    if (await refreshCsrfToken()) {
      response = await send(method, url, options.body, options.signal);
      body = await readJson(response);
    }
  }
  if (response.ok) return body as T;

  if (!isErrorResponse(body)) throw badResponseError(response.status);
  const error = new ApiError({
    code: body.error.code,
    message: body.error.message,
    status: response.status,
    fields: body.error.fields,
    requestId: body.error.requestId,
  });
  // Login answers 401 for a wrong password; only a lost session should bounce the user to the login page.
  if (error.code === 'UNAUTHENTICATED') onUnauthenticated();
  throw error;
}
