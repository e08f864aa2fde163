import { List, Tag, Typography } from 'antd';
import { ENTRY_ROLE_LABELS, type ReportEntry } from '../../../../shared/contracts/reporting';
import { useReport } from '../../api/reporting';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { TaskStatusTag } from './TaskStatusTag';

/** The tasks of one report in brief, lead tasks first: what the agency has to answer for. */
export function ReportTaskList({ reportId }: { reportId: number }) {
  const report = useReport(reportId);
  if (report.isError) return <QueryErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const entries: ReportEntry[] = report.data ? [...report.data.lead, ...report.data.support] : [];
  return (
    <List<ReportEntry>
      size="small"
      loading={report.isPending}
      dataSource={entries}
      locale={{ emptyText: 'Không có nhiệm vụ nào trong kỳ này.' }}
      renderItem={(e) => (
        <List.Item extra={<TaskStatusTag status={e.status} />}>
          <div style={{ minWidth: 0 }}>
            <Tag color={e.role === 'lead' ? 'blue' : 'default'}>{ENTRY_ROLE_LABELS[e.role]}</Tag>
            <Typography.Text strong>Nhiệm vụ {e.task.ordinal}: </Typography.Text>
            <Typography.Text>{e.task.content}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Thời hạn: {e.task.deadline.text || 'Không nêu'}
              </Typography.Text>
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
