import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { AppError } from '../http/errors';
import {
  findPeriodByYear,
  findPlansByNumber,
} from '../modules/documents/consolidated/consolidated-repository';
import {
  buildConsolidatedReport,
  loadConsolidatedData,
} from '../modules/documents/consolidated/consolidated-service';
import { buildReviewReport, reviewPeriodOf } from '../modules/documents/review/review-service';
import { consolidatedWorkbook } from '../modules/exports/consolidated-xlsx';
import { reviewDataOfPlan } from '../modules/exports/review-xlsx';
import { openContext } from '../runtime';
import { agencyReportBytes } from './agency-report-command';
import type { Lang } from './messages';

const KINDS = ['annual', 'midterm', 'final', 'agency'] as const;
const FORMATS = ['docx', 'xlsx'] as const;
type Kind = (typeof KINDS)[number];
type Format = (typeof FORMATS)[number];

const USAGE_VI =
  'Cách dùng: planwatch report --plan SỐ_KẾ_HOẠCH --period NĂM [--kind annual|midterm|final|agency] [--agency MÃ] --format docx|xlsx --out TỆP';
const USAGE_EN =
  'Usage: planwatch report --plan PLAN_NUMBER --period YEAR [--kind annual|midterm|final|agency] [--agency CODE] --format docx|xlsx --out FILE';

const KIND_VI: Record<Kind, string> = {
  annual: 'báo cáo năm',
  midterm: 'báo cáo sơ kết',
  final: 'báo cáo tổng kết',
  agency: 'báo cáo của cơ quan',
};

const T = {
  vi: {
    missing: (o: string) => `Thiếu tùy chọn --${o}. ${USAGE_VI}`,
    badChoice: (o: string, v: string, allowed: readonly string[]) =>
      `Giá trị "${v}" của --${o} không hợp lệ: chọn một trong ${allowed.join(', ')}.`,
    badYear: (v: string) => `--period phải là một năm (ví dụ 2025), không phải "${v}".`,
    noPlan: (n: string) =>
      `Không có kế hoạch số "${n}". Kiểm tra số hiệu đúng như trên văn bản (ví dụ 148/KH-UBND).`,
    manyPlans: (n: string, ids: number[]) =>
      `Có ${ids.length} kế hoạch cùng số "${n}" (mã ${ids.join(', ')}); hãy lập báo cáo trên giao diện web.`,
    noPeriod: (n: string, y: number) => `Kế hoạch số ${n} chưa mở kỳ báo cáo năm ${y}.`,
    written: (file: string, bytes: number) => `Đã ghi báo cáo tổng hợp vào "${file}" (${bytes} byte).`,
    writtenData: (file: string, bytes: number) =>
      `Đã ghi số liệu báo cáo tổng hợp (Excel) vào "${file}" (${bytes} byte).`,
    writtenReview: (kind: Kind, file: string, bytes: number) =>
      `Đã ghi ${KIND_VI[kind]} vào "${file}" (${bytes} byte).`,
    writtenReviewData: (kind: Kind, file: string, bytes: number) =>
      `Đã ghi số liệu ${KIND_VI[kind]} (Excel) vào "${file}" (${bytes} byte).`,
    failed: 'Lỗi:',
  },
  en: {
    missing: (o: string) => `Missing option --${o}. ${USAGE_EN}`,
    badChoice: (o: string, v: string, allowed: readonly string[]) =>
      `Invalid --${o} "${v}": choose one of ${allowed.join(', ')}.`,
    badYear: (v: string) => `--period must be a year (for example 2025), not "${v}".`,
    noPlan: (n: string) =>
      `No plan numbered "${n}". Check the number as written on the document (e.g. 148/KH-UBND).`,
    manyPlans: (n: string, ids: number[]) =>
      `${ids.length} plans share the number "${n}" (ids ${ids.join(', ')}); make the report in the web interface.`,
    noPeriod: (n: string, y: number) => `Plan ${n} has no annual reporting period for ${y}.`,
    written: (file: string, bytes: number) => `Consolidated report written to "${file}" (${bytes} bytes).`,
    writtenData: (file: string, bytes: number) =>
      `Consolidated report data (Excel) written to "${file}" (${bytes} bytes).`,
    writtenReview: (kind: Kind, file: string, bytes: number) =>
      `${kind === 'midterm' ? 'Mid-term' : 'Final'} review written to "${file}" (${bytes} bytes).`,
    writtenReviewData: (kind: Kind, file: string, bytes: number) =>
      `${kind === 'midterm' ? 'Mid-term' : 'Final'} review data (Excel) written to "${file}" (${bytes} bytes).`,
    failed: 'Error:',
  },
};

export interface ReportOptions {
  plan?: string | undefined;
  period?: string | undefined;
  kind?: string | undefined;
  agency?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
}

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

/** Writes the file whole or not at all: a scheduled run never leaves half a report behind. */
function writeAtomically(file: string, bytes: Buffer) {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

/**
 * `planwatch report`: the consolidated report of a plan's period, the mid-term or final review, or one
 * agency's report, as .docx or .xlsx, for scheduled use. Exit codes: 0 written, 1 wrong options or
 * nothing to report on.
 */
export async function reportCommand(config: Config, o: ReportOptions, lang: Lang): Promise<number> {
  const t = T[lang];
  for (const name of ['plan', 'period', 'format', 'out'] as const) {
    if (!o[name]) {
      console.error(t.missing(name));
      return 1;
    }
  }
  const kind = o.kind ?? 'annual';
  if (!isOneOf(KINDS, kind)) {
    console.error(t.badChoice('kind', kind, KINDS));
    return 1;
  }
  if (!isOneOf(FORMATS, o.format!)) {
    console.error(t.badChoice('format', o.format!, FORMATS));
    return 1;
  }
  if (kind === 'agency' && !o.agency) {
    console.error(t.missing('agency'));
    return 1;
  }
  if (!/^\d{4}$/.test(o.period!)) {
    console.error(t.badYear(o.period!));
    return 1;
  }
  const year = Number(o.period);
  const ctx = await openContext(config);
  try {
    const plans = await findPlansByNumber(ctx.db, o.plan!);
    if (plans.length === 0) {
      console.error(t.noPlan(o.plan!));
      return 1;
    }
    if (plans.length > 1) {
      console.error(
        t.manyPlans(
          o.plan!,
          plans.map((p) => p.id),
        ),
      );
      return 1;
    }
    const planId = plans[0]!.id;
    let bytes: Buffer;
    if (kind === 'annual' || kind === 'agency') {
      const period = await findPeriodByYear(ctx.db, planId, 'annual', year);
      if (!period) {
        console.error(t.noPeriod(o.plan!, year));
        return 1;
      }
      if (kind === 'agency') {
        // The agency's own report of that year (agency-report-command.ts): Word, or its data as Excel.
        const r = await agencyReportBytes(
          ctx,
          {
            planNumber: o.plan!,
            periodId: period.id,
            year,
            agencyCode: o.agency!,
            out: o.out!,
            format: o.format as Format,
          },
          lang,
        );
        if ('error' in r) {
          console.error(r.error);
          return 1;
        }
        writeAtomically(o.out!, r.bytes);
        console.log(r.message);
        return 0;
      }
      const ids = { planId, periodId: period.id };
      // xlsx: the same data, one sheet per part of the report (exports/consolidated-xlsx.ts).
      bytes =
        o.format === 'xlsx'
          ? await consolidatedWorkbook(await loadConsolidatedData(ctx, ids))
          : await buildConsolidatedReport(ctx, ids);
    } else {
      // A review needs its period (sơ kết / tổng kết of that year); refused in Vietnamese when not opened.
      await reviewPeriodOf(ctx, planId, kind, year);
      // xlsx: the review's data, one sheet per part (exports/review-xlsx.ts).
      bytes =
        o.format === 'xlsx'
          ? (await reviewDataOfPlan(ctx, planId, kind, year)).bytes
          : await buildReviewReport(ctx, { planId, kind, year });
      writeAtomically(o.out!, bytes);
      console.log((o.format === 'xlsx' ? t.writtenReviewData : t.writtenReview)(kind, o.out!, bytes.length));
      return 0;
    }
    writeAtomically(o.out!, bytes);
    console.log((o.format === 'xlsx' ? t.writtenData : t.written)(o.out!, bytes.length));
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
