import type { ReportEntry } from '../../../../shared/contracts/reporting';
import type { SuccessionStep } from '../../../../shared/domain/organisations/succession';
import { localDate } from '../../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../../context';
import { notFound } from '../../../http/errors';
import { chainField, loadSuccession } from '../../organisations/succession-repository';
import { toEntry } from '../../reporting/report-mapper';
import { entryRows, type ReportRow } from '../../reporting/report-repository';
import { findReport } from '../../reporting/report-service';
import { taskStatuses } from '../../reporting/task-status-store';
import { findAgencyReportHead } from './agency-repository';

/** Everything an agency's own report is drafted from: the report as it stands now, with its entries. */
export interface AgencyReportData {
  report: ReportRow;
  agency: {
    name: string;
    code: string;
    kind: string;
    superior: string | null;
    /** Where the agency's work went when reorganised after (issue 14); empty when it never was. */
    chain: SuccessionStep[];
  };
  plan: {
    number: string | null;
    title: string;
    issuer: string | null;
    place: string | null;
    issuedOn: string | null;
  };
  lead: ReportEntry[];
  support: ReportEntry[];
}

/**
 * The code after "BC-": the registry code when it reads as an abbreviation ("SCT"), else the short
 * name when it is one word ("STC"), else the code without its separators ("UBNDTINH").
 */
export function numberCode(code: string, shortName: string | null): string {
  if (/^[A-ZĐ0-9&]+$/u.test(code)) return code;
  if (shortName && /^[\p{Lu}Đ0-9&]+$/u.test(shortName)) return shortName;
  return code.replace(/[^\p{L}\p{N}&]+/gu, '').toUpperCase();
}

/**
 * Reads the report and its current entries (saved drafts included: the agency signs what it wrote).
 * A supporting task shows the task's status (its lead's), as the report page shows it.
 */
export async function loadAgencyReport(ctx: AppContext, reportId: number): Promise<AgencyReportData> {
  const report = await findReport(ctx.db, reportId);
  const [head, succession] = await Promise.all([
    findAgencyReportHead(ctx.db, reportId),
    loadSuccession(ctx.db),
  ]);
  if (!head) throw notFound('báo cáo');
  const today = localDate(new Date());
  const period = { year: report.period_year, dueOn: report.period_due_on };
  const views = (await entryRows(ctx.db, [report.id])).map((e) => toEntry(e, period, today));
  const supportIds = views.filter((v) => v.role === 'support').map((v) => v.task.id);
  const leadStatus = await taskStatuses(ctx.db, report.plan_id, supportIds, report.period_year, today);
  return {
    report,
    agency: {
      name: report.organisation_name,
      code: numberCode(head.organisation_code, head.organisation_short_name),
      kind: head.organisation_kind,
      chain: chainField(succession, report.organisation_id).chain ?? [],
      // The registry's parent body; without one, the body that issued the plan (a department's
      // province): the agency answers to it.
      superior:
        head.parent_name ??
        (head.plan_issuer && head.plan_issuer.trim() !== '' && head.plan_issuer !== report.organisation_name
          ? head.plan_issuer
          : null),
    },
    plan: {
      number: report.plan_number,
      title: report.plan_title,
      issuer: head.plan_issuer,
      place: head.plan_place,
      issuedOn: head.plan_issued_on,
    },
    lead: views.filter((v) => v.role === 'lead'),
    support: views
      .filter((v) => v.role === 'support')
      .map((v) => ({ ...v, status: leadStatus.get(v.task.id) ?? v.status })),
  };
}
