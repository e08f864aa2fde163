/**
 * Hostile .docx uploads of at most 1 MB, each read by readPlanUpload in a fresh child process so its
 * peak memory (maxRSS) is the upload's own. Figures go to docs/PERFORMANCE.md ("Hostile .docx uploads").
 *   node --import tsx bench/docx-upload.ts
 * Times are wall and CPU time of the read in the child; the baseline row is a child that only loads the
 * code and the file, so the cost of an upload is the difference.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readPlanUpload } from '../shared/domain/plan-import/read-upload';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const wrap = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const PARA =
  '<w:p w:rsidR="00A1B2C3"><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">- Sở Công Thương chủ trì triển khai nhiệm vụ</w:t></w:r></w:p>';

function docx(xml: string | Uint8Array, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const bytes = typeof xml === 'string' ? strToU8(xml) : xml;
  return zipSync(
    { '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': bytes, ...extra },
    { level: 6 },
  );
}

function forgeSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

function manyEntries(): Uint8Array {
  const parts: Record<string, Uint8Array> = {};
  for (let i = 0; i < 7_500; i++) parts[`word/media/p${i}.bin`] = new Uint8Array(0);
  return docx(wrap(PARA), parts);
}

/** The largest document.xml accepted: realistic paragraphs up to just under the caps. */
function largestAccepted(): Uint8Array {
  const head = `<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:p><w:r><w:t>Số: 1/KH-UBND</w:t></w:r></w:p>`;
  // Bounded by bytes (3 MB) and by elements (150,000; a paragraph here has 7).
  const n = Math.min(Math.floor((3 * 1024 * 1024 - 400) / Buffer.byteLength(PARA)), 16_000);
  return docx(wrap(head + PARA.repeat(n)));
}

function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

const CASES: Record<string, () => Uint8Array> = {
  'zip bomb: document.xml of 200 MB': () => docx(new Uint8Array(200 * 1024 * 1024).fill(0x20)),
  'zip bomb, headers forged to 1 KB': () =>
    forgeSizes(docx(new Uint8Array(200 * 1024 * 1024).fill(0x20)), 1024),
  'runs of "<!--" (old tokenizer quadratic)': () => docx(wrap('<!--'.repeat(2_000_000))),
  'mismatched closing tags': () => docx(wrap(`${'<a>'.repeat(200)}${'</b>'.repeat(2_000_000)}`)),
  '20,000-deep nesting': () => docx(wrap(`${'<w:sdt>'.repeat(20_000)}<w:p/>${'</w:sdt>'.repeat(20_000)}`)),
  'tiny elements up to the cap': () => docx(wrap('<w:p/>'.repeat(1_300_000))),
  '7,500 zip entries': manyEntries,
  'largest accepted: 16,000 paragraphs (2.7 MB)': largestAccepted,
  '1 MB of random bytes after a zip signature': () => {
    const b = randomBytes(1024 * 1024);
    b.set([0x50, 0x4b, 0x03, 0x04]);
    return b;
  },
};

async function child(file: string, baseline: boolean): Promise<void> {
  const bytes = readFileSync(file);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = baseline ? null : await readPlanUpload('ke-hoach.docx', bytes);
  const used = process.cpuUsage(cpu);
  const outcome =
    result === null ? '—' : result.ok ? `read (${result.draft.tasks.length} tasks)` : result.error.code;
  console.log(
    JSON.stringify({
      wallMs: performance.now() - wall,
      cpuMs: (used.user + used.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      outcome,
    }),
  );
}

function runChild(file: string, baseline: boolean) {
  const args = [
    '--import',
    'tsx',
    import.meta.filename,
    '--child',
    file,
    ...(baseline ? ['--baseline'] : []),
  ];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
    wallMs: number;
    cpuMs: number;
    maxRssMb: number;
    outcome: string;
  };
}

/**
 * Inputs are built by a child of their own: on Linux a child's maxRSS starts from its parent's at fork,
 * so a parent holding the 200 MB bomb source would inflate every figure.
 */
function buildInputs(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, build] of Object.entries(CASES)) {
    const bytes = build();
    if (bytes.length > 1024 * 1024) throw new Error(`${name}: ${bytes.length} bytes, over 1 MB`);
    writeFileSync(path.join(dir, fileName(name)), bytes);
  }
}

const fileName = (name: string) => `${name.replace(/[^a-z0-9]+/gi, '-')}.docx`;
const DIR = path.join(import.meta.dirname, '../.tmp/bench-docx');

if (process.argv[2] === '--child') {
  await child(process.argv[3] ?? '', process.argv[4] === '--baseline');
} else if (process.argv[2] === '--build') {
  buildInputs(DIR);
} else {
  const built = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--build'], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(built.stderr);
  console.log('| upload | size | outcome | wall (ms) | CPU (ms) | peak RSS (MB) | over baseline (MB) |');
  console.log('|---|---:|---|---:|---:|---:|---:|');
  let baseline = 0;
  for (const name of Object.keys(CASES)) {
    const file = path.join(DIR, fileName(name));
    const bytes = readFileSync(file);
    if (baseline === 0) {
      runChild(file, true); // the first run compiles the TypeScript into tsx's cache
      baseline = runChild(file, true).maxRssMb;
      console.log(
        `| baseline (code loaded, file read, nothing parsed) | — | — | — | — | ${baseline.toFixed(0)} | 0 |`,
      );
    }
    const runs = [runChild(file, false), runChild(file, false), runChild(file, false)];
    runs.sort((a, b) => a.wallMs - b.wallMs);
    const m = runs[1]!;
    const size = bytes.length >= 10240 ? `${(bytes.length / 1024).toFixed(0)} KB` : `${bytes.length} B`;
    const peak = Math.max(...runs.map((r) => r.maxRssMb));
    console.log(
      `| ${name} | ${size} | ${m.outcome} | ${m.wallMs.toFixed(0)} | ${m.cpuMs.toFixed(0)} | ${peak.toFixed(0)} | ${(peak - baseline).toFixed(0)} |`,
    );
  }
}
