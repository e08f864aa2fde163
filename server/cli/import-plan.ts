import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanDraft } from '../../shared/contracts/plan-draft';
import { readPlanUpload } from '../../shared/domain/plan-import/read-upload';
import { countUncertain } from '../../shared/domain/plan-import/review';
import type { Config } from '../config';
import { systemContext } from '../context';
import { AppError } from '../http/errors';
import { confirmImport } from '../modules/plan-import/confirm-import';
import { createImport } from '../modules/plan-import/import-service';
import { uploadConverters } from '../modules/plan-import/upload-converters';
import { openContext } from '../runtime';
import type { Lang } from './messages';

const T = {
  vi: {
    noFile: 'Thiếu đường dẫn tệp. Cách dùng: planwatch import TỆP [--dry-run] [--json]',
    notFound: (f: string) => `Không tìm thấy tệp "${f}".`,
    summary: (d: PlanDraft) =>
      [
        `Số hiệu: ${d.number ?? '(không rõ)'}   Ngày: ${d.issuedOn ?? '(không rõ)'}   Cơ quan ban hành: ${d.issuer ?? '(không rõ)'}`,
        `Trích yếu: ${d.title}`,
        `Chỉ tiêu: ${d.targets.length}   Nhiệm vụ: ${d.tasks.length}   Cơ quan được giao nhiệm vụ: ${d.duties.length}`,
      ].join('\n'),
    warnings: 'Cảnh báo:',
    saved: (n: string, id: number, uncertain: number) =>
      `Đã lưu kế hoạch ${n} (mã ${id}).${uncertain ? ` ${uncertain} mục chưa chắc chắn (tên cơ quan chưa khớp danh mục, thời hạn chưa đọc được) được giữ nguyên văn; để rà soát từng mục, hãy nhập qua giao diện web.` : ''}`,
    dry: 'Chạy thử (--dry-run): chưa lưu gì.',
    failed: 'Lỗi:',
  },
  en: {
    noFile: 'Missing file path. Usage: planwatch import FILE [--dry-run] [--json]',
    notFound: (f: string) => `File "${f}" not found.`,
    summary: (d: PlanDraft) =>
      [
        `Number: ${d.number ?? '(unknown)'}   Date: ${d.issuedOn ?? '(unknown)'}   Issuer: ${d.issuer ?? '(unknown)'}`,
        `Title: ${d.title}`,
        `Targets: ${d.targets.length}   Tasks: ${d.tasks.length}   Agency duties: ${d.duties.length}`,
      ].join('\n'),
    warnings: 'Warnings:',
    saved: (n: string, id: number, uncertain: number) =>
      `Saved plan ${n} (id ${id}).${uncertain ? ` ${uncertain} uncertain item(s) (agency names not matched, unreadable deadlines) kept as written; import through the web interface to review each one.` : ''}`,
    dry: 'Dry run (--dry-run): nothing saved.',
    failed: 'Error:',
  },
};

/** `planwatch import FILE`: read a plan document; print it, and save it unless --dry-run. */
export async function importPlanCommand(
  config: Config,
  file: string | undefined,
  opts: { dryRun: boolean; json: boolean },
  lang: Lang,
): Promise<number> {
  const t = T[lang];
  if (!file) {
    console.error(t.noFile);
    return 1;
  }
  if (!existsSync(file)) {
    console.error(`${t.failed} ${t.notFound(file)}`);
    return 1;
  }
  const bytes = readFileSync(file);
  const filename = path.basename(file);
  const read = await readPlanUpload(filename, bytes, uploadConverters(config.documents));
  if (!read.ok) {
    console.error(`${t.failed} ${read.error.message}`);
    return 1;
  }
  const d = read.draft;
  if (opts.json) process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
  else {
    console.log(t.summary(d));
    for (const task of d.tasks) {
      console.log(
        `  ${task.ordinal.padStart(3)}. [${task.deadline.text}] ${task.lead} — ${task.content.slice(0, 80)}`,
      );
    }
  }
  if (d.warnings.length > 0) {
    console.error(t.warnings);
    for (const w of d.warnings) console.error(`  - ${w.message}${w.line ? ` (dòng ${w.line})` : ''}`);
  }
  if (opts.dryRun) {
    if (!opts.json) console.log(t.dry);
    return 0;
  }
  const ctx = await openContext(config);
  try {
    const imp = await createImport(systemContext(ctx), { filename, bytes });
    const planId = await confirmImport(systemContext(ctx), imp.id, { registerNewAgencies: false });
    const msg = t.saved(d.number ?? filename, planId, countUncertain(imp.draft));
    if (opts.json) console.error(msg);
    else console.log(msg);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`${t.failed} ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await ctx.db.destroy();
  }
}
