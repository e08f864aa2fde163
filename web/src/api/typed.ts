import { apiRequest, type QueryParams } from './client';
import type { paths } from './schema';

/*
 * Calls typed by path and method from web/src/api/schema.d.ts (generated from /api/openapi.json): the
 * path must exist, its parameters, query and body must have the server's shape, and the answer has the
 * type of the route's documented response. Requests still go through client.ts (CSRF, ApiError, 401).
 */

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** The API paths that answer the given method. */
export type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

type Operation<P extends keyof paths, M extends Method> = paths[P][M];
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type SuccessOf<O> = O extends { responses: infer R }
  ? R extends { 200: infer OK }
    ? JsonOf<OK>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : undefined
  : never;
type PathParamsOf<O> = O extends { parameters: { path: infer PP } } ? PP : undefined;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Q : undefined;
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : undefined;

/** What a route answers on success. */
export type ResponseOf<P extends keyof paths, M extends Method> = SuccessOf<Operation<P, M>>;
/** What a route accepts as its JSON body. */
export type RequestBodyOf<P extends keyof paths, M extends Method> = BodyOf<Operation<P, M>>;

interface CallOptions<O> {
  path?: PathParamsOf<O>;
  query?: QueryOf<O>;
  body?: BodyOf<O>;
  /** A multipart upload instead of a JSON body. */
  form?: FormData;
  signal?: AbortSignal;
}

/** '/api/plans/{id}' with { id: 3 } gives '/api/plans/3'. */
function fill(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Thiếu tham số "${name}" cho ${template}`);
    return encodeURIComponent(String(value));
  });
}

function call<M extends Method, P extends PathWith<M>>(
  method: M,
  template: P,
  options: CallOptions<Operation<P, M>> = {},
): Promise<ResponseOf<P, M>> {
  const url = fill(template, options.path as Record<string, unknown> | undefined);
  const body = options.form ?? options.body;
  return apiRequest<ResponseOf<P, M>>(method.toUpperCase() as Uppercase<M>, url, {
    params: options.query as QueryParams | undefined,
    signal: options.signal,
    // Writes always send a body (an empty object when the route takes none), as the server expects JSON.
    body: method === 'get' ? undefined : (body ?? {}),
  });
}

export const typedApi = {
  get: <P extends PathWith<'get'>>(path: P, options?: CallOptions<Operation<P, 'get'>>) =>
    call('get', path, options),
  post: <P extends PathWith<'post'>>(path: P, options?: CallOptions<Operation<P, 'post'>>) =>
    call('post', path, options),
  patch: <P extends PathWith<'patch'>>(path: P, options?: CallOptions<Operation<P, 'patch'>>) =>
    call('patch', path, options),
  put: <P extends PathWith<'put'>>(path: P, options?: CallOptions<Operation<P, 'put'>>) =>
    call('put', path, options),
  delete: <P extends PathWith<'delete'>>(path: P, options?: CallOptions<Operation<P, 'delete'>>) =>
    call('delete', path, options),
};
