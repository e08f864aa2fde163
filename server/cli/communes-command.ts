import { existsSync, readFileSync } from 'node:fs';
import { isIsoDate } from '../../shared/domain/calendar/iso-date';
import { ADMIN_UNIT_TYPE_LABELS, ADMIN_UNIT_TYPES } from '../../shared/domain/organisations/admin-units';
import type { Config } from '../config';
import { systemContext } from '../context';
import { AppError } from '../http/errors';
import { loadCommunes } from '../modules/organisations/commune-import';
import { findOrganisationByCode } from '../modules/organisations/organisation-repository';
import { openContext } from '../runtime';
import type { Lang } from './messages';

const T = {
  vi: {
    usage:
      'Cách dùng: planwatch communes TỆP.csv --from NGÀY(YYYY-MM-DD) --source "VĂN BẢN" [--parent MÃ_UBND_TỈNH] [--dry-run]',
    notFound: (f: string) => `Không tìm thấy tệp "${f}".`,
    badDate: (d: string) => `Ngày "${d}" không hợp lệ (YYYY-MM-DD).`,
    unknownParent: (c: string) => `Không có cơ quan mã "${c}" trong danh mục.`,
    result: (dry: boolean, a: number, u: number, n: number, types: string) =>
      `${dry ? 'Chạy thử (--dry-run), chưa lưu: sẽ thêm' : 'Đã thêm'} ${a}, ${dry ? 'đã có' : 'cập nhật'} ${dry ? n : u}${dry ? '' : `, giữ nguyên ${n}`} đơn vị (${types}).`,
    failed: 'Lỗi:',
  },
  en: {
    usage:
      'Usage: planwatch communes FILE.csv --from DATE(YYYY-MM-DD) --source "DOCUMENT" [--parent PROVINCE_CODE] [--dry-run]',
    notFound: (f: string) => `File "${f}" not found.`,
    badDate: (d: string) => `Date "${d}" is not valid (YYYY-MM-DD).`,
    unknownParent: (c: string) => `No agency with code "${c}" in the registry.`,
    result: (dry: boolean, a: number, u: number, n: number, types: string) =>
      `${dry ? 'Dry run (--dry-run), nothing saved: would add' : 'Added'} ${a}, ${dry ? 'already present' : 'updated'} ${dry ? n : u}${dry ? '' : `, unchanged ${n}`} units (${types}).`,
    failed: 'Error:',
  },
};

/** `planwatch communes FILE`: a province's commune-level units into the registry (commune-import.ts). */
export async function communesCommand(
  config: Config,
  file: string | undefined,
  opts: {
    from?: string | undefined;
    source?: string | undefined;
    parent?: string | undefined;
    dryRun: boolean;
  },
  lang: Lang,
): Promise<number> {
  const t = T[lang];
  if (!file || !opts.from || !opts.source) {
    console.error(t.usage);
    return 1;
  }
  if (!existsSync(file)) {
    console.error(`${t.failed} ${t.notFound(file)}`);
    return 1;
  }
  if (!isIsoDate(opts.from)) {
    console.error(`${t.failed} ${t.badDate(opts.from)}`);
    return 1;
  }
  const ctx = await openContext(config);
  try {
    let parentId: number | null = null;
    if (opts.parent) {
      const parent = await findOrganisationByCode(ctx.db, opts.parent);
      if (!parent) {
        console.error(`${t.failed} ${t.unknownParent(opts.parent)}`);
        return 1;
      }
      parentId = parent.id;
    }
    const r = await loadCommunes(systemContext(ctx), {
      csv: readFileSync(file, 'utf8'),
      validFrom: opts.from,
      source: opts.source,
      parentId,
      dryRun: opts.dryRun,
    });
    const types = ADMIN_UNIT_TYPES.filter((k) => r.byType[k] > 0)
      .map((k) => `${r.byType[k]} ${ADMIN_UNIT_TYPE_LABELS[k].toLowerCase()}`)
      .join(', ');
    console.log(t.result(r.dryRun, r.added, r.updated, r.unchanged, types));
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
