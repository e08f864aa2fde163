import type { ReportDetail } from '../../../../shared/contracts/reporting';

/** Who receives the report: the plan's consolidating agency by name, from data, or a generic phrase. */
export function consolidatorOf(report: Pick<ReportDetail, 'consolidatorName'>): string {
  return report.consolidatorName ?? 'cơ quan tổng hợp báo cáo';
}
