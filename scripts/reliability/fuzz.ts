/**
 * Fuzz run: the plan importer (.txt and .docx readers), the .xlsx indicator import and every upload
 * endpoint, for a fixed number of inputs from a fixed seed, each within a deadline.
 *
 *   node --import tsx scripts/reliability/fuzz.ts [--count 300] [--seed 20261130] [--deadline-ms 10000]
 *        [--only plan-text,plan-docx,values-xlsx,attachment] [--mode direct,http]
 *
 * Inputs come from server/test/fuzz-inputs.ts (mutations of the sample plan, a .docx made from it and a
 * values workbook; random attachments with real and fake magic bytes and hostile file names). Each one
 * runs in a child process (fuzz-worker.ts); an input that does not finish within the deadline is a hang:
 * the child is killed and a new one continues with the next input. Failures: a reader that throws, an
 * upload answered 5xx, a hang, a child that dies. Every failing input is written to
 * .tmp/fuzz-findings/<kind>-<mode>-<index>.bin to replay. Exits 1 on any failure.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type FuzzKind, fuzzInputs } from '../../server/test/fuzz-inputs';
import type { FuzzReply, FuzzRequest } from './fuzz-worker';
import { argValue, percentile, ROOT } from './harness';

const COUNT = Number(argValue('count', '300'));
const SEED = Number(argValue('seed', '20261130'));
const DEADLINE_MS = Number(argValue('deadline-ms', '10000'));
const KINDS = argValue('only', 'plan-text,plan-docx,values-xlsx,attachment').split(',') as FuzzKind[];
const MODES = argValue('mode', 'direct,http').split(',') as ('direct' | 'http')[];
const FINDINGS = path.join(ROOT, '.tmp', 'fuzz-findings');

class Worker {
  child!: ChildProcess;
  private n = 0;
  private dataDir = '';

  async start(): Promise<void> {
    this.dataDir = path.join(ROOT, '.tmp', `fuzz-${process.pid}-${++this.n}`);
    this.child = fork(path.join(import.meta.dirname, 'fuzz-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        FUZZ_SEED: String(SEED),
        FUZZ_COUNT: String(COUNT),
        FUZZ_DATA_DIR: this.dataDir,
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      this.child.once('message', () => resolve());
      this.child.once('exit', (code) => reject(new Error(`fuzz worker exited at start (${code})`)));
    });
  }

  /** One input: its reply, or 'hang' after the deadline, or 'died' if the child ended. */
  run(req: FuzzRequest): Promise<FuzzReply | 'hang' | 'died'> {
    return new Promise((resolve) => {
      const onMessage = (m: FuzzReply) => done(m);
      const onExit = () => done('died');
      // The first input of a child also builds its inputs and, for http, its database: not timed.
      const timer = setTimeout(
        () => done('hang'),
        DEADLINE_MS + (req.index === 0 || this.fresh ? 60_000 : 0),
      );
      const done = (r: FuzzReply | 'hang' | 'died') => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        this.fresh = false;
        resolve(r);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send(req);
    });
  }
  fresh = true;

  async restart(): Promise<void> {
    this.kill();
    this.fresh = true;
    await this.start();
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    // A killed child cannot clean up after itself: its database goes here.
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

async function main() {
  mkdirSync(FINDINGS, { recursive: true });
  console.log(`fuzz: seed ${SEED}, ${COUNT} inputs per target, deadline ${DEADLINE_MS} ms per input`);
  const worker = new Worker();
  await worker.start();
  let failures = 0;
  const rows: string[] = [];
  for (const mode of MODES) {
    for (const kind of KINDS) {
      if (mode === 'direct' && kind === 'attachment') continue; // no reader: the endpoint checks bytes
      const times: number[] = [];
      const outcomes = new Map<string, number>();
      const found: string[] = [];
      let inputs: Awaited<ReturnType<typeof fuzzInputs>> | null = null;
      for (let index = 0; index < COUNT; index++) {
        const r = await worker.run({ kind, mode, index });
        if (r === 'hang' || r === 'died') {
          found.push(`#${index} ${r}`);
          await worker.restart();
        } else {
          times.push(r.ms);
          if (r.ok) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
          else found.push(`#${index} ${r.error.slice(0, 200)}`);
        }
        if (found.length > 0 && found[found.length - 1]!.startsWith(`#${index} `)) {
          inputs ??= await fuzzInputs(kind, SEED, COUNT);
          writeFileSync(path.join(FINDINGS, `${kind}-${mode}-${index}.bin`), inputs[index]!.bytes);
        }
      }
      failures += found.length;
      times.sort((a, b) => a - b);
      const outcome = [...outcomes.entries()].map(([k, v]) => `${k}: ${v}`).join(', ');
      const row = `| ${kind} | ${mode} | ${COUNT} | ${found.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 99).toFixed(1)} | ${(times[times.length - 1] ?? 0).toFixed(1)} | ${outcome} |`;
      rows.push(row);
      console.log(row);
      for (const f of found.slice(0, 10)) console.log(`    ${kind}/${mode} ${f}`);
    }
  }
  worker.kill();
  console.log('\n| target | via | inputs | failures | p50 (ms) | p99 (ms) | max (ms) | outcomes |');
  console.log('|---|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows) console.log(r);
  process.exit(failures > 0 ? 1 : 0);
}

await main();
