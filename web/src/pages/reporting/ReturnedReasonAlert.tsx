import { Alert } from 'antd';
import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { formatDateTime } from '../../lib/dates';

/** A returned report says why, in full, above everything else: that is what the reporter has to fix. */
export function ReturnedReasonAlert({ report }: { report: ReportDetail }) {
  if (report.state !== 'returned' || !report.returnedReason) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={`Báo cáo bị trả lại${report.returnedAt ? ` lúc ${formatDateTime(report.returnedAt)}` : ''}`}
      description={
        <>
          <strong>Lý do: </strong>
          <span style={{ whiteSpace: 'pre-wrap' }} data-testid="returned-reason">
            {report.returnedReason}
          </span>
          <div style={{ marginTop: 4 }}>Hãy sửa các nội dung được nêu rồi gửi lại báo cáo.</div>
        </>
      }
    />
  );
}
