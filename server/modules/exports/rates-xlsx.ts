import type { AgencyAs } from '../../../shared/contracts/organisations';
import { REPORT_STATE_LABELS } from '../../../shared/contracts/reporting';
import { planLabel } from '../../../shared/domain/plans/short-title';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import type { AppContext } from '../../context';
import { notFound } from '../../http/errors';
import { findPlanRow } from '../plans/plan-repository';
import { periodRates } from '../reporting/rate-service';
import { type SheetColumn, TableSheet, workbookBuffer, xlsxDisposition } from './sheet-layout';

export const RATES_SHEET = 'Theo cơ quan';
export const RATE_TOTALS_SHEET = 'Tổng cộng';

export const RATE_COLUMNS: readonly SheetColumn[] = [
  { header: 'STT', width: 6, kind: 'integer' },
  { header: 'Cơ quan', width: 40, kind: 'wrap' },
  { header: 'Trạng thái báo cáo', width: 22, kind: 'wrap' },
  { header: 'Ngày gửi', width: 13, kind: 'date' },
  { header: 'Phải nộp', width: 10, kind: 'integer' },
  { header: 'Gửi đúng hạn', width: 11, kind: 'integer' },
  { header: 'Gửi muộn', width: 10, kind: 'integer' },
  { header: 'Chưa gửi', width: 10, kind: 'integer' },
  { header: 'Đã tiếp nhận', width: 11, kind: 'integer' },
  { header: 'Bị trả lại', width: 10, kind: 'integer' },
];

export const RATE_TOTAL_COLUMNS: readonly SheetColumn[] = [
  { header: 'Cơ quan phải nộp', width: 12, kind: 'integer' },
  { header: 'Đã gửi', width: 10, kind: 'integer' },
  { header: 'Gửi đúng hạn', width: 11, kind: 'integer' },
  { header: 'Gửi muộn', width: 10, kind: 'integer' },
  { header: 'Chưa gửi', width: 10, kind: 'integer' },
  { header: 'Đã tiếp nhận', width: 11, kind: 'integer' },
  { header: 'Bị trả lại', width: 10, kind: 'integer' },
  { header: 'Tỷ lệ đã gửi', width: 11, kind: 'percent' },
  { header: 'Tỷ lệ gửi đúng hạn', width: 12, kind: 'percent' },
  { header: 'Tỷ lệ đã tiếp nhận', width: 12, kind: 'percent' },
];

/**
 * The reporting rates of a period as the rates page shows them (rate-service.ts `periodRates`, the same
 * figures): one row per agency that had to report, and the period's totals on a second sheet. A report
 * counts as sent while submitted or accepted (DHIS2's rule, shared/domain/reporting/rates.ts); a
 * returned report is not sent until it is sent again.
 */
/** "Sở Tài chính (báo cáo của Sở Kế hoạch và Đầu tư)" as now; "Sở Kế hoạch và Đầu tư (nay là Sở Tài chính)" as named. */
export function agencyLabel(a: {
  organisation: { name: string };
  formerName: string | null;
  currentName: string | null;
}) {
  if (a.formerName) return `${a.organisation.name} (báo cáo của ${a.formerName})`;
  if (a.currentName) return `${a.organisation.name} (nay là ${a.currentName})`;
  return a.organisation.name;
}

export async function periodRatesWorkbook(ctx: AppContext, periodId: number, as: AgencyAs = 'now') {
  const rates = await periodRates(ctx, periodId, as);
  const plan = await findPlanRow(ctx.db, rates.period.planId);
  if (!plan) throw notFound('kế hoạch');
  const today = localDate(new Date());
  const head = {
    title: `Tỷ lệ báo cáo — ${rates.period.title} — Kế hoạch ${planLabel(plan)}`,
    subtitle: `Hạn nộp ${formatDateVi(rates.period.dueOn)} · ${as === 'now' ? 'Theo cơ quan hiện nay' : 'Theo cơ quan lúc giao'} · Xuất ngày ${formatDateVi(today)}`,
  };
  const bytes = await workbookBuffer(head.title, (wb) => {
    const agencies = new TableSheet(wb, RATES_SHEET, RATE_COLUMNS, head);
    rates.agencies.forEach((a, i) => {
      const sent = a.state === 'submitted' || a.state === 'accepted';
      agencies.add([
        i + 1,
        agencyLabel(a),
        `${REPORT_STATE_LABELS[a.state]}${sent && a.late ? ' (gửi muộn)' : ''}`,
        a.submittedAt ? localDate(a.submittedAt) : null,
        1,
        sent && !a.late ? 1 : 0,
        sent && a.late ? 1 : 0,
        sent ? 0 : 1,
        a.state === 'accepted' ? 1 : 0,
        a.state === 'returned' ? 1 : 0,
      ]);
    });
    agencies.finish();
    const t = rates.totals;
    const totals = new TableSheet(wb, RATE_TOTALS_SHEET, RATE_TOTAL_COLUMNS, head);
    totals.add([
      t.expected,
      t.submitted,
      t.submittedOnTime,
      t.submitted - t.submittedOnTime,
      t.expected - t.submitted,
      t.accepted,
      rates.agencies.filter((a) => a.state === 'returned').length,
      t.submittedRate,
      t.onTimeRate,
      t.acceptedRate,
    ]);
    totals.finish();
  });
  const number = (plan.number ?? 'ke-hoach').replace(/\//g, '-');
  return {
    bytes,
    disposition: xlsxDisposition(`Tỷ lệ báo cáo ${number} ${rates.period.title}.xlsx`),
  };
}
