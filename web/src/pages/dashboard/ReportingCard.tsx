import { Card, Empty, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DashboardPlan } from '../../../../shared/contracts/dashboard';
import { REPORT_STATE_LABELS } from '../../../../shared/contracts/reporting';
import { formatDate } from '../../lib/dates';
import { RateCell } from '../reporting/RateCell';
import { reportInboxLink, reportingRatesLink, reportLink } from './drillDown';
import { EmptyNote } from './EmptyNote';

/** The period's reporting rate and the agencies whose report has not come in (draft or returned). */
export function ReportingCard({ planId, board }: { planId: number; board: DashboardPlan }) {
  const r = board.reporting;
  if (!r) {
    return (
      <Card size="small" title="Cơ quan chưa báo cáo" style={{ height: '100%' }}>
        <Empty description={<EmptyNote>Kế hoạch chưa mở kỳ báo cáo nào.</EmptyNote>} />
      </Card>
    );
  }
  return (
    <Card
      size="small"
      title={`Cơ quan chưa báo cáo (${board.notReported.length})`}
      extra={<Link to={reportInboxLink(planId, r.period.id)}>Mở hộp báo cáo</Link>}
      style={{ height: '100%' }}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {r.period.title} — hạn nộp {formatDate(r.period.dueOn)}
      </Typography.Paragraph>
      <Link
        to={reportingRatesLink(planId, r.period.id)}
        aria-label={`Tỷ lệ đã gửi báo cáo: ${r.rate.submitted} trên ${r.rate.expected}`}
        style={{ color: 'inherit', display: 'block', marginBottom: 8 }}
      >
        <RateCell count={r.rate.submitted} expected={r.rate.expected} rate={r.rate.submittedRate} />
      </Link>
      <List
        size="small"
        dataSource={board.notReported}
        locale={{ emptyText: <EmptyNote>Mọi cơ quan đã gửi báo cáo.</EmptyNote> }}
        pagination={board.notReported.length > 8 ? { pageSize: 8, size: 'small', align: 'center' } : false}
        renderItem={(n) => (
          <List.Item
            extra={
              <Link
                to={reportInboxLink(planId, r.period.id, n.organisation.id)}
                aria-label={`Báo cáo của ${n.organisation.name} trong hộp báo cáo`}
              >
                Hộp báo cáo
              </Link>
            }
          >
            <Link to={reportLink(n.reportId)}>{n.organisation.name}</Link>
            {n.formerName && <span style={{ fontSize: 12 }}> (báo cáo của {n.formerName})</span>}
            {n.currentName && <span style={{ fontSize: 12 }}> (nay là {n.currentName})</span>}
            <span style={{ marginLeft: 8, fontSize: 12 }}>
              ({REPORT_STATE_LABELS[n.state].toLowerCase()})
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
