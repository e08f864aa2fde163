import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DashboardPlan } from '../../../../shared/contracts/dashboard';
import { formatDate } from '../../lib/dates';
import { type BoardFilter, taskLink, taskListLink } from './drillDown';
import { EmptyNote } from './EmptyNote';

type Overdue = DashboardPlan['overdue'][number];

/** The overdue tasks, most days late first, with the lead agency as it is now. */
export function OverdueCard({
  planId,
  board,
  filter,
}: {
  planId: number;
  board: DashboardPlan;
  filter: BoardFilter;
}) {
  return (
    <Card
      size="small"
      title={`Nhiệm vụ quá hạn (${board.overdue.length})`}
      extra={<Link to={taskListLink(planId, filter, { status: 'overdue' })}>Mở danh sách</Link>}
      style={{ height: '100%' }}
    >
      <Table<Overdue>
        size="small"
        rowKey={(o) => o.task.id}
        dataSource={board.overdue}
        pagination={board.overdue.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
        locale={{ emptyText: <EmptyNote>Không có nhiệm vụ quá hạn.</EmptyNote> }}
        columns={[
          {
            title: 'Nhiệm vụ',
            key: 'task',
            render: (_, o) => (
              <Link to={taskLink(planId, o.task.id)}>
                <Typography.Text strong style={{ color: 'inherit' }}>
                  {o.task.ordinal}.
                </Typography.Text>{' '}
                <Typography.Paragraph
                  style={{ display: 'inline', color: 'inherit', margin: 0 }}
                  ellipsis={{ rows: 2, tooltip: o.task.content }}
                >
                  {o.task.content}
                </Typography.Paragraph>
              </Link>
            ),
          },
          {
            title: 'Cơ quan chủ trì',
            key: 'leads',
            width: 200,
            render: (_, o) =>
              o.leads.length === 0
                ? 'Chưa xác định'
                : o.leads.map((l) => (
                    <div key={`${l.organisationId ?? l.name}`}>
                      {l.name}
                      {l.formerName && <div style={{ fontSize: 12 }}>(trước đây: {l.formerName})</div>}
                      {l.currentName && <div style={{ fontSize: 12 }}>(nay là {l.currentName})</div>}
                    </div>
                  )),
          },
          { title: 'Hạn', key: 'due', width: 100, render: (_, o) => formatDate(o.dueDate) || '—' },
          {
            title: 'Số ngày quá hạn',
            key: 'late',
            width: 90,
            align: 'right',
            sorter: (a, b) => (a.daysLate ?? 0) - (b.daysLate ?? 0),
            render: (_, o) => <span style={{ color: '#a8071a', fontWeight: 600 }}>{o.daysLate ?? '—'}</span>,
          },
        ]}
      />
    </Card>
  );
}
