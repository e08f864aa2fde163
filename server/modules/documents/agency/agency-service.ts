import { nowText } from '../../../../shared/domain/organisations/succession';
import { localDate } from '../../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../../context';
import type { AuthUser } from '../../../http/auth-state';
import { assertCanRead } from '../../reporting/report-policy';
import { findReport } from '../../reporting/report-service';
import { decree30Docx } from '../decree30/document';
import { signerTitleOf } from '../decree30/signer-title';
import { type AgencyReportData, loadAgencyReport } from './agency-model';
import { agencyAppendix, agencyBody, planName } from './agency-sections';

/** "Hưng Yên, ngày      tháng      năm 2026": day and month are left for the day of signing. */
function placeDate(place: string | null, year: number) {
  const gap = '\u00a0'.repeat(6);
  return `${place ?? '…'}, ngày${gap}tháng${gap}năm ${year}`;
}

/**
 * An agency's own report of a period as a .docx in the format of Decree 30/2020/NĐ-CP: the agency
 * issues it to the plan's consolidating agency, from the report's current content. A report not yet
 * sent (draft, returned) is marked "DỰ THẢO": what is signed must be what the system received, so
 * the officer sends the report first and signs the file downloaded after.
 */
export async function buildAgencyReport(ctx: AppContext, reportId: number): Promise<Buffer> {
  return agencyDocx(await loadAgencyReport(ctx, reportId));
}

/** The .docx of a report already read (`loadAgencyReport`). */
export function agencyDocx(d: AgencyReportData): Promise<Buffer> {
  const summary = `Kết quả thực hiện ${planName(d.plan)} năm ${d.report.period_year}`;
  const consolidator = d.report.consolidator_name;
  return decree30Docx({
    title: `${summary} của ${d.agency.name}`,
    issuer: {
      superior: d.agency.superior,
      name: d.agency.name,
      code: d.agency.code,
      // The report stays the agency's that made it; a later merger is said under its name.
      ...(d.agency.chain.length > 0 ? { note: `(${nowText(d.agency.chain)})` } : {}),
    },
    placeDate: placeDate(d.plan.place, Number(localDate(new Date()).slice(0, 4))),
    kind: 'Báo cáo',
    summary,
    ...(consolidator ? { addressee: consolidator } : {}),
    draft: d.report.state === 'draft' || d.report.state === 'returned',
    body: agencyBody(d),
    appendix: agencyAppendix(d),
    recipients: [...(consolidator ? ['Như trên;'] : []), `Lưu: VT, ${d.agency.code}.`],
    signer: { authority: null, title: signerTitleOf(d.agency.kind), name: null },
  });
}

/** ASCII for old clients, the Vietnamese name through RFC 5987 (`filename*`). */
export function agencyReportFilename(code: string, plan: { number: string | null }, year: number) {
  const vietnamese = `Báo cáo ${code} ${plan.number ?? 'kế hoạch'} năm ${year}.docx`;
  const ascii = vietnamese
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(vietnamese)}`;
}

/** The route's work: refused (403) to whoever may not read the report, as its page is. */
export async function agencyReportForReader(ctx: AppContext, user: AuthUser, reportId: number) {
  const row = await findReport(ctx.db, reportId);
  assertCanRead(user, row);
  const d = await loadAgencyReport(ctx, reportId);
  const bytes = await agencyDocx(d);
  return { bytes, disposition: agencyReportFilename(d.agency.code, d.plan, d.report.period_year) };
}
