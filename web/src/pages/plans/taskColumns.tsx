import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PlanTaskView } from '../../../../shared/contracts/plans';
import { DeadlineKindTag } from '../../components/DeadlineKindTag';
import type { ResponsiveColumn } from '../../components/ResponsiveTable';
import { PlanAgencyTags } from './PlanAgencyTags';

/** `search` is the list's current filter, carried to the task page so "back" returns to the same view. */
export function taskColumns(planId: number, search: string): ResponsiveColumn<PlanTaskView>[] {
  return [
    { title: 'TT', dataIndex: 'ordinal', key: 'ordinal', width: 64 },
    {
      title: 'Nội dung',
      key: 'content',
      phone: 'title',
      render: (_: unknown, t: PlanTaskView) => (
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
    {
      title: 'Chủ trì',
      key: 'lead',
      width: 200,
      render: (_: unknown, t: PlanTaskView) => <PlanAgencyTags agencies={t.leads} vertical empty="Chưa rõ" />,
    },
    {
      title: 'Phối hợp',
      key: 'coordinators',
      phone: 'hide',
      width: 260,
      render: (_: unknown, t: PlanTaskView) => <PlanAgencyTags agencies={t.coordinators} vertical />,
    },
    { title: 'Sản phẩm', dataIndex: 'product', key: 'product', width: 140, phone: 'hide' },
    {
      title: 'Thời hạn',
      key: 'deadline',
      width: 150,
      render: (_: unknown, t: PlanTaskView) => (
        <Flex vertical gap={4} align="flex-start">
          <span>{t.deadline.text || '—'}</span>
          <DeadlineKindTag kind={t.deadline.kind} />
        </Flex>
      ),
    },
  ];
}
