import { Flex, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import type { PlanTaskListItem, TaskListSort } from '../../../../shared/contracts/plans';
import { formatDateVi } from '../../../../shared/domain/task-status/calendar';
import { DeadlineKindTag } from '../../components/DeadlineKindTag';
import type { ResponsiveColumn } from '../../components/ResponsiveTable';
import { TaskStatusTag } from '../reporting/TaskStatusTag';
import { PlanAgencyTags } from './PlanAgencyTags';

/** The list's order as the server sorts it; the table only shows it (sorting is done on the server). */
export interface TaskListOrder {
  sort: TaskListSort;
  order: 'asc' | 'desc';
}

function sortOrderOf(column: TaskListSort, o: TaskListOrder | undefined): SortOrder {
  if (!o || o.sort !== column) return null;
  return o.order === 'desc' ? 'descend' : 'ascend';
}

/**
 * `search` is the list's current filter, carried to the task page so "back" returns to the same view;
 * `order` marks the column the list is sorted by (TT, Thời hạn or Tình trạng: the server sorts).
 */
export function taskColumns(
  planId: number,
  search: string,
  order?: TaskListOrder,
): ResponsiveColumn<PlanTaskListItem>[] {
  const sortable = (column: TaskListSort) => ({
    sorter: true,
    sortOrder: sortOrderOf(column, order),
    sortDirections: ['ascend', 'descend'] as SortOrder[],
  });
  return [
    { title: 'TT', dataIndex: 'ordinal', key: 'ordinal', width: 72, ...sortable('ordinal') },
    {
      title: 'Nội dung',
      key: 'content',
      phone: 'title',
      render: (_: unknown, t: PlanTaskListItem) => (
        <>
          <Link
            to={`/ke-hoach/${planId}/nhiem-vu/${t.id}`}
            state={{ listSearch: search }}
            // The whole row opens the task too; this keeps one click from navigating twice.
            onClick={(e) => e.stopPropagation()}
          >
            {t.content}
          </Link>
          {t.group && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.group}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    // Right after the task: what a leader looks for first, visible without scrolling sideways.
    {
      title: 'Tình trạng',
      key: 'status',
      width: 170,
      ...sortable('status'),
      render: (_: unknown, t: PlanTaskListItem) => (
        <Flex vertical gap={4} align="flex-start">
          <TaskStatusTag status={t.status} />
          {t.status.daysLate !== null && (
            <Typography.Text
              type={t.status.code === 'overdue' ? 'danger' : 'secondary'}
              style={{ fontSize: 12 }}
            >
              {t.status.code === 'overdue' ? '' : 'Trễ '}
              {t.status.daysLate.toLocaleString('vi-VN')} ngày
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: 'Chủ trì',
      key: 'lead',
      width: 180,
      render: (_: unknown, t: PlanTaskListItem) => (
        <PlanAgencyTags agencies={t.leads} vertical empty="Chưa rõ" />
      ),
    },
    {
      title: 'Phối hợp',
      key: 'coordinators',
      phone: 'hide',
      width: 220,
      render: (_: unknown, t: PlanTaskListItem) => <PlanAgencyTags agencies={t.coordinators} vertical />,
    },
    { title: 'Sản phẩm', dataIndex: 'product', key: 'product', width: 120, phone: 'hide' },
    {
      title: 'Thời hạn',
      key: 'deadline',
      width: 140,
      ...sortable('deadline'),
      render: (_: unknown, t: PlanTaskListItem) => (
        <Flex vertical gap={4} align="flex-start">
          <span>{t.deadline.text || '—'}</span>
          {t.status.dueDate && t.status.dueDate !== t.deadline.text && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Hạn {formatDateVi(t.status.dueDate)}
            </Typography.Text>
          )}
          <DeadlineKindTag kind={t.deadline.kind} />
          {t.deadlineChange && (
            <Typography.Text type="warning" style={{ fontSize: 12 }} title={t.deadlineChange.reason}>
              {t.deadlineChange.text}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];
}
