import { Alert } from 'antd';
import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { consolidatorOf } from './consolidator';
import { ReportEntryGroup } from './ReportEntryGroup';
import { ReportOverallView } from './ReportOverallView';

function lockNote(report: ReportDetail): string | null {
  if (report.state === 'accepted') return 'Báo cáo đã được tiếp nhận và đã khóa.';
  if (report.state === 'submitted') return `Báo cáo đã gửi, đang chờ ${consolidatorOf(report)} tiếp nhận.`;
  if (report.period.state === 'closed') return 'Kỳ báo cáo đã đóng; báo cáo không sửa được nữa.';
  return null;
}

/** The report as its readers see it, and as its authors see it once it is locked. */
export function ReportReadOnly({ report }: { report: ReportDetail }) {
  const note = lockNote(report);
  return (
    <>
      {note && <Alert type="info" showIcon title={note} style={{ marginBottom: 16 }} />}
      <ReportEntryGroup
        title="Nhiệm vụ chủ trì"
        reportId={report.id}
        entries={report.lead}
        review={report}
        empty="Cơ quan không chủ trì nhiệm vụ nào trong kỳ này."
      />
      <ReportEntryGroup
        title="Nhiệm vụ phối hợp"
        reportId={report.id}
        entries={report.support}
        review={report}
        empty="Cơ quan không phối hợp nhiệm vụ nào trong kỳ này."
        folded
      />
      <ReportOverallView report={report} />
    </>
  );
}
