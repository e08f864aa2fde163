import { ScheduleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useReportList } from '../../api/reporting';
import { useCan, useCurrentSession } from '../../auth/SessionContext';
import { formatDate } from '../../lib/dates';
import { DueCountdownTag } from './DueCountdownTag';

function Summary() {
  const { user } = useCurrentSession();
  // Counts from the server's totals (an agency may owe hundreds of reports); the first draft in the
  // "my work" order is the one due soonest.
  const mine = { organisationId: user.organisationId, periodState: 'open', sort: 'work' } as const;
  const drafts = useReportList({ ...mine, state: 'draft', page: 1, pageSize: 1 });
  const returnedList = useReportList({ ...mine, state: 'returned', page: 1, pageSize: 1 });
  const list = drafts.isError ? drafts : returnedList;
  const returned = returnedList.data?.total ?? 0;
  const owed = (drafts.data?.total ?? 0) + returned;
  const next = returnedList.data?.items[0] ?? drafts.data?.items[0];

  return (
    <Card style={{ marginBottom: 24, borderColor: '#91caff' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12}>
        <Flex gap={12} align="center">
          <ScheduleOutlined style={{ fontSize: 28, color: '#1677ff' }} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              Việc của tôi
            </Typography.Title>
            {drafts.isPending || returnedList.isPending ? (
              <Typography.Text type="secondary">Đang tải…</Typography.Text>
            ) : list.isError ? (
              <Typography.Text type="danger">Chưa tải được danh sách báo cáo.</Typography.Text>
            ) : owed === 0 ? (
              <Typography.Text type="secondary">
                Cơ quan không có báo cáo nào cần gửi lúc này.
              </Typography.Text>
            ) : (
              <Flex gap={8} align="center" wrap="wrap">
                <Typography.Text>
                  {owed} báo cáo cần gửi; gần nhất: {next?.period.title}
                  {next ? ` (${next.plan.number ?? next.plan.label})` : ''}, hạn{' '}
                  {formatDate(next?.period.dueOn ?? null)}
                </Typography.Text>
                {next && <DueCountdownTag dueOn={next.period.dueOn} />}
              </Flex>
            )}
          </div>
        </Flex>
        <Link to="/viec-cua-toi">
          <Button type="primary">Mở việc của tôi</Button>
        </Link>
      </Flex>
      {returned > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={`${returned} báo cáo bị trả lại, cần sửa và gửi lại.`}
        />
      )}
    </Card>
  );
}

/** A reporter's landing card: what the agency owes and how soon, one click from the form. */
export function MyWorkHomeCard() {
  const writes = useCan('reports.write');
  return writes ? <Summary /> : null;
}
