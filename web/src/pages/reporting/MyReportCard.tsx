import { Alert, Button, Card, Collapse, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PERIOD_KIND_LABELS, type ReportSummary } from '../../../../shared/contracts/reporting';
import { formatDate } from '../../lib/dates';
import { DueCountdownTag } from './DueCountdownTag';
import { ReportDirectivesNote } from './ReportDirectivesNote';
import { ReportStateTag } from './ReportStateTag';
import { ReportTaskList } from './ReportTaskList';

const ACTION: Record<ReportSummary['state'], string> = {
  draft: 'Soạn báo cáo',
  returned: 'Sửa và gửi lại',
  submitted: 'Xem báo cáo đã gửi',
  accepted: 'Xem báo cáo',
};

/** One report the agency owes: when it is due, where it stands, and the way into the form. */
export function MyReportCard({ report }: { report: ReportSummary }) {
  const p = report.period;
  const owed = report.state === 'draft' || report.state === 'returned';
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Flex vertical style={{ whiteSpace: 'normal', paddingBlock: 4 }}>
          {/* The plan first: an agency reports on several plans with periods of the same name. */}
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12, fontWeight: 'normal' }}
            title={report.plan.title}
          >
            {report.plan.label}
          </Typography.Text>
          <Flex gap={8} align="center" wrap="wrap">
            <span>{p.title}</span>
            <Tag>{PERIOD_KIND_LABELS[p.kind]}</Tag>
            {p.state === 'closed' && <Tag>Kỳ đã đóng</Tag>}
          </Flex>
        </Flex>
      }
      extra={
        <Link to={`/bao-cao/${report.id}`}>
          <Button type={owed ? 'primary' : 'default'}>{ACTION[report.state]}</Button>
        </Link>
      }
    >
      <Flex gap={16} wrap="wrap" align="center" style={{ marginBottom: 12 }}>
        <span>
          <Typography.Text type="secondary">Hạn nộp: </Typography.Text>
          {formatDate(p.dueOn)}
        </span>
        {owed && <DueCountdownTag dueOn={p.dueOn} />}
        <ReportStateTag state={report.state} />
        <Typography.Text type="secondary">
          {report.leadCount} nhiệm vụ chủ trì · {report.supportCount} nhiệm vụ phối hợp
        </Typography.Text>
      </Flex>
      {report.state === 'returned' && report.returnedReason && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="Bị trả lại"
          description={<span style={{ whiteSpace: 'pre-wrap' }}>Lý do: {report.returnedReason}</span>}
        />
      )}
      <ReportDirectivesNote reportId={report.id} />
      <Collapse
        size="small"
        items={[
          {
            key: 'tasks',
            label: `Các nhiệm vụ trong báo cáo (${report.leadCount + report.supportCount})`,
            children: <ReportTaskList reportId={report.id} />,
          },
        ]}
      />
    </Card>
  );
}
