import { isIP, isIPv6 } from 'node:net';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Set on an HTTPS deployment so the session cookie is only ever sent encrypted. */
  cookieSecure: boolean;
  sessionTtlHours: number;
  adminPassword: string | undefined;
  webDistDir: string;
  logLevel: string;
  /** Outgoing mail; no host = in-app notifications only. */
  smtp: {
    host: string | undefined;
    port: number;
    secure: boolean;
    user: string | undefined;
    pass: string | undefined;
    from: string;
    /** Connecting, the server's greeting, and any silence during a session (SMTP_TIMEOUT_SECONDS, default 30). */
    timeoutMs?: number | undefined;
    /** The whole of one e-mail, connection included (SMTP_SEND_TIMEOUT_SECONDS, default 60). */
    sendTimeoutMs?: number | undefined;
    /** E-mails sent at the same time by one process (SMTP_CONCURRENCY, default 2). */
    concurrency?: number | undefined;
  };
  /** Days before a report's due date on which agencies are reminded (REMINDER_DAYS, default "7,3,1"). */
  reminderDays: number[];
  /** How often the reminder job runs; 0 turns it off (REMINDER_INTERVAL_MINUTES, default 5). */
  reminderIntervalMinutes: number;
  /** Base address for links in e-mails (PUBLIC_URL). */
  publicUrl: string;
  /**
   * Where uploaded files are kept (FILE_STORAGE): 'disk' (DATA_DIR/files) or 'database'. Unset: the
   * database on PostgreSQL, the disk on SQLite (server/files/select-file-store.ts).
   */
  fileStorage?: 'disk' | 'database' | undefined;
  /**
   * Which proxies may name the client's address in X-Forwarded-For (TRUST_PROXY, passed to Fastify's
   * trustProxy). Off by default: otherwise any client could pick the address the login limiter sees.
   */
  trustProxy: boolean | number | string[];
  /** Bearer token that opens GET /metrics (METRICS_TOKEN); unset = no /metrics at all. */
  metricsToken: string | undefined;
}

/**
 * TRUST_PROXY: unset/"false" → trust nobody; "true" → trust every hop; "2" → trust that many hops;
 * "10.0.0.1, 10.1.0.0/16" → trust those addresses and ranges (checked by Fastify at start-up).
 */
export function parseTrustProxy(text: string | undefined): boolean | number | string[] {
  const t = (text ?? '').trim();
  if (t === '' || t === 'false') return false;
  if (t === 'true') return true;
  if (/^\d+$/.test(t)) return Number(t);
  const list = t
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const entry of list) {
    const [ip = '', bits, ...rest] = entry.split('/');
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    const prefixOk =
      bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIPv6(ip) ? 128 : 32));
    if (!named && (!isIP(ip) || !prefixOk || rest.length > 0))
      throw new Error(
        `TRUST_PROXY không hợp lệ: "${entry}" không phải địa chỉ IP hay dải địa chỉ (ví dụ 10.0.0.5 hoặc 10.1.0.0/16), cũng không phải true, false hay một số bước proxy.`,
      );
  }
  return list;
}

/**
 * The TRUST_PROXY value as Fastify's trustProxy. A hop count becomes "the nearest N addresses are
 * proxies" (as in Express): Fastify 5.12 treats a bare number as trusting nobody, since it cannot tell
 * a proxy from a client that connects directly — so a count, like `true`, is only for a server that
 * nothing reaches except through the proxy. Addresses are the safe choice.
 */
export function fastifyTrustProxy(
  value: Config['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/** "7,3,1" → [7, 3, 1]: positive whole days, largest first, without repeats. */
export function parseReminderDays(text: string | undefined): number[] {
  const days = (text ?? '7,3,1')
    .split(',')
    .map((p) => Number(p.trim()))
    .filter((n) => Number.isInteger(n) && n > 0 && n <= 365);
  return [...new Set(days)].sort((a, b) => b - a);
}

/** A whole number of seconds from the environment, as milliseconds; `fallback` when unset or invalid. */
function secondsMs(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return text && Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : fallback * 1000;
}

/** FILE_STORAGE: unset → chosen by the database; anything but disk/database is refused at start. */
export function parseFileStorage(text: string | undefined): Config['fileStorage'] {
  if (!text) return undefined;
  if (text === 'disk' || text === 'database') return text;
  throw new Error(
    `FILE_STORAGE="${text}" không hợp lệ: chỉ nhận "disk" (ổ đĩa) hoặc "database" (cơ sở dữ liệu).`,
  );
}

const root = path.resolve(import.meta.dirname, '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(process.cwd(), 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    cookieSecure: env.COOKIE_SECURE === 'true',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    adminPassword: env.PLANWATCH_ADMIN_PASSWORD || undefined,
    webDistDir: path.join(root, 'web', 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    smtp: {
      host: env.SMTP_HOST || undefined,
      port: Number(env.SMTP_PORT ?? (env.SMTP_SECURE === 'true' ? 465 : 587)),
      secure: env.SMTP_SECURE === 'true',
      user: env.SMTP_USER || undefined,
      pass: env.SMTP_PASS || undefined,
      from: env.SMTP_FROM ?? 'planwatch <no-reply@localhost>',
      timeoutMs: secondsMs(env.SMTP_TIMEOUT_SECONDS, 30),
      sendTimeoutMs: secondsMs(env.SMTP_SEND_TIMEOUT_SECONDS, 60),
      concurrency: Math.max(1, Math.floor(Number(env.SMTP_CONCURRENCY) || 2)),
    },
    reminderDays: parseReminderDays(env.REMINDER_DAYS),
    reminderIntervalMinutes: Number(env.REMINDER_INTERVAL_MINUTES ?? 5),
    fileStorage: parseFileStorage(env.FILE_STORAGE),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken: env.METRICS_TOKEN || undefined,
    ...overrides,
  };
}
