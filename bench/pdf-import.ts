/**
 * Benchmark of reading a PDF plan: a 30-page plan with a task table on every page (made once with
 * LibreOffice from generated HTML, kept in .tmp/bench/) read by pdfjs, laid out into cells and parsed.
 * Run: node --import tsx bench/pdf-import.ts [iterations]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { documentReading } from '../server/config';
import { warmUpPdfReader } from '../server/modules/plan-import/pdf-warm-up';
import { uploadConverters } from '../server/modules/plan-import/upload-converters';
import { readPlanUpload } from '../shared/domain/plan-import/read-upload';

const ITERATIONS = Number(process.argv[2] ?? 10);
const TARGET_PAGES = 30;
const dir = path.join(import.meta.dirname, '../.tmp/bench');
const pdfPath = path.join(dir, `plan-${TARGET_PAGES}-pages.pdf`);

const LEADS = [
  'Sở Công Thương',
  'Sở Tài chính',
  'Sở Xây dựng',
  'Ban Quản lý các khu công nghiệp',
  'Công an tỉnh',
];
const DEADLINES = ['Quý II/2026', 'Hằng năm', 'Thường xuyên', 'Tháng 6/2027', '2026-2030'];

function html(rows: number): string {
  const body = Array.from({ length: rows }, (_, k) => {
    const i = k + 1;
    return `<tr><td align="center">${i}</td><td>Triển khai nhiệm vụ số ${i} về chuyển đổi số và phát triển công nghiệp hỗ trợ trên địa bàn tỉnh giai đoạn 2026-2030</td><td>${LEADS[i % LEADS.length]}</td><td>Các sở, ban, ngành; UBND các huyện, thành phố</td><td align="center">${DEADLINES[i % DEADLINES.length]}</td></tr>`;
  }).join('');
  return `<html><head><meta charset="utf-8"></head><body style="font-family:'DejaVu Serif';font-size:13pt">
<table width="100%"><tr><td align="center">ỦY BAN NHÂN DÂN<br><b>TỈNH THỬ NGHIỆM</b></td><td align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b></td></tr>
<tr><td align="center">Số: 99/KH-UBND</td><td align="center"><i>Thử Nghiệm, ngày 05 tháng 01 năm 2026</i></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b><br><b>Kế hoạch thử nghiệm đo tốc độ đọc PDF</b></p>
<p align="center"><b>DANH MỤC NHIỆM VỤ</b></p>
<table border="1" cellspacing="0" cellpadding="3" width="100%">
<thead><tr><th width="7%">STT</th><th width="40%">Nhiệm vụ</th><th width="17%">Cơ quan chủ trì</th><th width="20%">Cơ quan phối hợp</th><th width="16%">Thời hạn hoàn thành</th></tr></thead>
<tbody>${body}</tbody></table></body></html>`;
}

function makePdf(): void {
  mkdirSync(dir, { recursive: true });
  const source = path.join(dir, `plan-${TARGET_PAGES}-pages.html`);
  // About eight rows fit a page.
  writeFileSync(source, html(TARGET_PAGES * 8 + 10));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      dir,
      source,
    ],
    { stdio: 'ignore' },
  );
}

if (!existsSync(pdfPath)) makePdf();
const bytes = readFileSync(pdfPath);
const converters = uploadConverters(documentReading({}));

async function once(): Promise<{ ms: number; tasks: number }> {
  const start = performance.now();
  const read = await readPlanUpload('plan.pdf', bytes, converters);
  const ms = performance.now() - start;
  if (!read.ok) throw new Error(read.error.message);
  return { ms, tasks: read.draft.tasks.length };
}

// What `planwatch serve` does half a second after it starts listening (server/runtime.ts): the first
// upload is then timed as an officer meets it. BENCH_COLD=1 skips it to time a cold reader.
const warmUpMs = process.env.BENCH_COLD
  ? 0
  : await (async () => {
      const t = performance.now();
      await warmUpPdfReader();
      return performance.now() - t;
    })();
const first = await once();
const samples: number[] = [];
let tasks = 0;
for (let i = 0; i < ITERATIONS; i++) {
  const r = await once();
  samples.push(r.ms);
  tasks = r.tasks;
}
samples.sort((a, b) => a - b);
const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
const round = (ms: number) => Math.round(ms);
console.log(
  JSON.stringify(
    {
      file: path.relative(process.cwd(), pdfPath),
      bytes: bytes.length,
      pages,
      tasks,
      iterations: ITERATIONS,
      warmUpMs: round(warmUpMs),
      firstMs: round(first.ms),
      medianMs: round(samples[Math.floor(samples.length / 2)] ?? Number.NaN),
      maxMs: round(samples[samples.length - 1] ?? Number.NaN),
    },
    null,
    2,
  ),
);
