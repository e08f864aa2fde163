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
  };
  /** Days before a report's due date on which agencies are reminded (REMINDER_DAYS, default "7,3,1"). */
  reminderDays: number[];
  /** How often the reminder job runs; 0 turns it off (REMINDER_INTERVAL_MINUTES, default 5). */
  reminderIntervalMinutes: number;
  /** Base address for links in e-mails (PUBLIC_URL). */
  publicUrl: string;
  /** Reading uploaded plans that are not text: scanned PDFs (OCR) and Word 97 files (.doc). */
  documents: DocumentReading;
}

export interface DocumentReading {
  /** OCR of scanned PDFs with tesseract when it is installed (OCR=auto, default) or never (OCR=off). */
  ocr: 'auto' | 'off';
  /** Pages read by OCR at most (OCR_MAX_PAGES, default 20); a longer scan is refused with a message. */
  ocrMaxPages: number;
  /** Time allowed for the OCR of one document (OCR_TIMEOUT_SECONDS, default 120). */
  ocrTimeoutSeconds: number;
  /** .doc → .docx with LibreOffice when installed (DOC_CONVERSION=auto, default) or never (off). */
  docConversion: 'auto' | 'off';
  /** Time allowed for one .doc conversion (DOC_CONVERSION_TIMEOUT_SECONDS, default 60). */
  docConversionTimeoutSeconds: number;
}

const positive = (text: string | undefined, fallback: number) => {
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export function documentReading(env: NodeJS.ProcessEnv): DocumentReading {
  return {
    ocr: env.OCR === 'off' ? 'off' : 'auto',
    ocrMaxPages: Math.floor(positive(env.OCR_MAX_PAGES, 20)),
    ocrTimeoutSeconds: positive(env.OCR_TIMEOUT_SECONDS, 120),
    docConversion: env.DOC_CONVERSION === 'off' ? 'off' : 'auto',
    docConversionTimeoutSeconds: positive(env.DOC_CONVERSION_TIMEOUT_SECONDS, 60),
  };
}

/** "7,3,1" → [7, 3, 1]: positive whole days, largest first, without repeats. */
export function parseReminderDays(text: string | undefined): number[] {
  const days = (text ?? '7,3,1')
    .split(',')
    .map((p) => Number(p.trim()))
    .filter((n) => Number.isInteger(n) && n > 0 && n <= 365);
  return [...new Set(days)].sort((a, b) => b - a);
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
    },
    reminderDays: parseReminderDays(env.REMINDER_DAYS),
    reminderIntervalMinutes: Number(env.REMINDER_INTERVAL_MINUTES ?? 5),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    documents: documentReading(env),
    ...overrides,
  };
}
