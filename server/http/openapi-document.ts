import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openContext } from '../runtime';

/**
 * The document served at /api/openapi.json, produced by building the app in-process on a throwaway
 * SQLite file (no port, no running server). Used to generate the client's types and to check them.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'planwatch-openapi-'));
  const ctx = await openContext(loadConfig({}, { dataDir, logLevel: 'silent' }));
  const app = await buildApp(ctx, { logger: false, reminders: false, sessionSweep: false });
  try {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}`);
    return res.json<Record<string, unknown>>();
  } finally {
    await app.close();
    await ctx.db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
