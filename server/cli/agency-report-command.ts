import type { AppContext } from '../context';
import { findOrganisationsByCode, findReportOfAgency } from '../modules/documents/agency/agency-repository';
import { buildAgencyReport } from '../modules/documents/agency/agency-service';
import { agencyReportWorkbook } from '../modules/exports/agency-xlsx';
import type { Lang } from './messages';

const T = {
  vi: {
    noAgency: (code: string) =>
      `Không có cơ quan mã "${code}" trong danh mục cơ quan. Kiểm tra mã trên trang Danh mục cơ quan (ví dụ SCT).`,
    noReport: (agency: string, plan: string, year: number) =>
      `${agency} không có báo cáo trong kỳ báo cáo năm ${year} của Kế hoạch số ${plan} (cơ quan không chủ trì hay phối hợp nhiệm vụ nào của kỳ).`,
    written: (agency: string, file: string, bytes: number) =>
      `Đã ghi báo cáo của ${agency} vào "${file}" (${bytes} byte).`,
    writtenData: (agency: string, file: string, bytes: number) =>
      `Đã ghi số liệu báo cáo của ${agency} (Excel) vào "${file}" (${bytes} byte).`,
  },
  en: {
    noAgency: (code: string) => `No agency with code "${code}" in the registry (for example SCT).`,
    noReport: (agency: string, plan: string, year: number) =>
      `${agency} has no report in the ${year} annual period of plan ${plan} (it leads or supports no task of the period).`,
    written: (agency: string, file: string, bytes: number) =>
      `Report of ${agency} written to "${file}" (${bytes} bytes).`,
    writtenData: (agency: string, file: string, bytes: number) =>
      `Report data of ${agency} (Excel) written to "${file}" (${bytes} bytes).`,
  },
};

/**
 * `planwatch report --kind agency --agency CODE`: the agency's own report of the period as a Decree 30
 * .docx (the same file as its report page's Word button), or as .xlsx its tasks and results
 * (exports/agency-xlsx.ts). Returns the bytes and the line to print, or the Vietnamese reason it cannot.
 */
export async function agencyReportBytes(
  ctx: AppContext,
  o: {
    planNumber: string;
    periodId: number;
    year: number;
    agencyCode: string;
    out: string;
    format: 'docx' | 'xlsx';
  },
  lang: Lang,
): Promise<{ bytes: Buffer; message: string } | { error: string }> {
  const t = T[lang];
  const agencies = await findOrganisationsByCode(ctx.db, o.agencyCode);
  if (agencies.length === 0) return { error: t.noAgency(o.agencyCode) };
  const agency = agencies[0]!;
  const report = await findReportOfAgency(ctx.db, o.periodId, agency.id);
  if (!report) return { error: t.noReport(agency.name, o.planNumber, o.year) };
  if (o.format === 'xlsx') {
    const { bytes } = await agencyReportWorkbook(ctx, report.id);
    return { bytes, message: t.writtenData(agency.name, o.out, bytes.length) };
  }
  const bytes = await buildAgencyReport(ctx, report.id);
  return { bytes, message: t.written(agency.name, o.out, bytes.length) };
}
