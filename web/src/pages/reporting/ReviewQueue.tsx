import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ReportSummary } from '../../../../shared/contracts/reporting';
import { useReportList } from '../../api/reporting';
import { AgencyChain } from '../../components/AgencyChain';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate, formatDateTime } from '../../lib/dates';

const PAGE_SIZE = 10;

/** The coordinator's part of "Việc của tôi": reports sent and waiting to be accepted or returned. */
export function ReviewQueue() {
  const [page, setPage] = useState(1);
  const list = useReportList({ state: 'submitted', page, pageSize: PAGE_SIZE });
  return (
    <section aria-label="Báo cáo chờ tiếp nhận">
      <Card
        title={`Báo cáo chờ tiếp nhận${list.data ? ` (${list.data.total})` : ''}`}
        extra={<Link to="/bao-cao">Xem tất cả</Link>}
        style={{ marginBottom: 24 }}
      >
        {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <ResponsiveTable<ReportSummary>
          aria-label="Danh sách báo cáo chờ tiếp nhận"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
          scroll={{ x: 900 }}
          locale={{ emptyText: 'Không có báo cáo nào đang chờ tiếp nhận.' }}
          columns={[
            {
              title: 'Cơ quan',
              dataIndex: ['organisation', 'name'],
              phone: 'title',
              render: (name: string, r) => (
                <>
                  {name}
                  <AgencyChain chain={r.organisation.chain} lead="nay là" />
                </>
              ),
            },
            {
              title: 'Kế hoạch',
              dataIndex: ['plan', 'label'],
              render: (label: string, r) => <span title={r.plan.title}>{label}</span>,
            },
            { title: 'Kỳ báo cáo', dataIndex: ['period', 'title'] },
            {
              title: 'Hạn nộp',
              dataIndex: ['period', 'dueOn'],
              render: (v: string) => formatDate(v),
              width: 110,
            },
            {
              title: 'Gửi lúc',
              dataIndex: 'submittedAt',
              width: 150,
              render: (v: string | null, r) => (
                <Flex vertical>
                  {v ? formatDateTime(v) : '—'}
                  {r.late && <Typography.Text type="danger">Nộp muộn</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: '',
              key: 'open',
              width: 110,
              render: (_, r) => (
                <Link to={`/bao-cao/${r.id}`}>
                  <Button size="small">Xem xét</Button>
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </section>
  );
}
