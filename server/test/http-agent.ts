import { Readable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { type BuildOptions, buildApp } from '../app';
import type { AppContext } from '../context';
import { type Dialect, openTestContext } from './databases';

export interface TestResponse {
  status: number;
  body: unknown;
  headers: Record<string, unknown>;
}

/** A browser stand-in: keeps the session cookie and sends the CSRF token like the web client does. */
export class Agent {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in extraHeaders))
      headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const setCookie = res.cookies.find((c) => c.name === 'pw_session');
    if (setCookie) this.cookie = setCookie.value ? `pw_session=${setCookie.value}` : null;
    const parsed = res.headers['content-type']?.toString().includes('json') ? res.json() : res.body;
    return { status: res.statusCode, body: parsed, headers: res.headers };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);

  /** A multipart/form-data upload of one file in the field "file", as a browser form sends it. */
  async upload(url: string, filename: string, bytes: Uint8Array): Promise<TestResponse> {
    const boundary = `----planwatch${Date.now()}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return this.request('POST', url, Buffer.concat([head, Buffer.from(bytes), tail]), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  }

  /**
   * The same upload streamed in pieces: `splitAt` are offsets into the file's bytes where one network
   * chunk ends and the next begins, so a test can put a chunk boundary exactly on a size limit.
   */
  async uploadInChunks(
    url: string,
    filename: string,
    bytes: Uint8Array,
    splitAt: number[],
  ): Promise<TestResponse> {
    const boundary = `----planwatch${Date.now()}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = Buffer.concat([head, Buffer.from(bytes), tail]);
    const cuts = [0, ...splitAt.map((n) => head.length + n), body.length];
    const pieces = cuts.slice(1).map((end, i) => body.subarray(cuts[i], end));
    return this.request('POST', url, Readable.from(pieces, { objectMode: false }), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  }

  async login(username: string, password: string): Promise<TestResponse> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status === 200) this.csrf = (res.body as { csrfToken: string }).csrfToken;
    return res;
  }
}

export interface TestServer {
  app: FastifyInstance;
  ctx: AppContext;
  agent(): Agent;
  /** A new agent already logged in as the given account. */
  loginAs(user: { username: string; password: string }): Promise<Agent>;
  close(): Promise<void>;
}

export async function startTestServer(dialect: Dialect, opts: BuildOptions = {}): Promise<TestServer> {
  const t = await openTestContext(dialect);
  const app = await buildApp(t.ctx, { logger: false, ...opts });
  await app.ready();
  return {
    app,
    ctx: t.ctx,
    agent: () => new Agent(app),
    loginAs: async (u) => {
      const a = new Agent(app);
      const res = await a.login(u.username, u.password);
      if (res.status !== 200) throw new Error(`login failed for ${u.username}: ${JSON.stringify(res.body)}`);
      return a;
    },
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}
