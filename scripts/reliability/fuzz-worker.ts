/**
 * Child process of scripts/reliability/fuzz.ts: builds the inputs from the seed (so only indices
 * cross the process boundary), and runs one input per message, directly or through the HTTP app, in
 * its own database under .tmp/. The parent kills it when an input passes its deadline.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { AppContext } from '../../server/context';
import { openContext } from '../../server/runtime';
import { type FuzzInput, type FuzzKind, fuzzInputs } from '../../server/test/fuzz-inputs';
import { readDirectly, type UploadWorld, uploadWorld } from '../../server/test/fuzz-targets';

export interface FuzzRequest {
  kind: FuzzKind;
  mode: 'direct' | 'http';
  index: number;
}
export type FuzzReply = { ok: true; outcome: string; ms: number } | { ok: false; error: string; ms: number };

const seed = Number(process.env.FUZZ_SEED);
const count = Number(process.env.FUZZ_COUNT);
const dataDir = process.env.FUZZ_DATA_DIR!;
const inputs = new Map<FuzzKind, FuzzInput[]>();
let http: { ctx: AppContext; app: FastifyInstance; world: UploadWorld } | null = null;

async function inputOf(kind: FuzzKind, index: number): Promise<FuzzInput> {
  let list = inputs.get(kind);
  if (!list) {
    list = await fuzzInputs(kind, seed, count);
    inputs.set(kind, list);
  }
  return list[index]!;
}

async function httpWorld() {
  if (!http) {
    const ctx = await openContext(loadConfig({}, { dataDir: path.resolve(dataDir), logLevel: 'silent' }));
    const app = await buildApp(ctx, { logger: false });
    await app.ready();
    http = { ctx, app, world: await uploadWorld(ctx, app) };
  }
  return http.world;
}

process.on('message', async (m: FuzzRequest) => {
  const input = await inputOf(m.kind, m.index);
  const world = m.mode === 'http' ? await httpWorld() : null;
  const t0 = performance.now();
  let reply: FuzzReply;
  try {
    if (world) {
      const status = await world.send(input);
      reply =
        status >= 500
          ? { ok: false, error: `HTTP ${status}`, ms: performance.now() - t0 }
          : { ok: true, outcome: String(status), ms: performance.now() - t0 };
    } else {
      reply = { ok: true, outcome: await readDirectly(input), ms: performance.now() - t0 };
    }
  } catch (e) {
    reply = {
      ok: false,
      error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      ms: performance.now() - t0,
    };
  }
  process.send!(reply);
});

process.on('disconnect', async () => {
  if (http) {
    await http.app.close();
    await http.ctx.db.destroy();
  }
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});

process.send!({ ready: true });
