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
    ...overrides,
  };
}
