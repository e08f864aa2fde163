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
    ...overrides,
  };
}
