import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { planTargetViewSchema } from '../../../../shared/contracts/plans';
import { TARGET_KIND_LABELS } from '../../lib/planLabels';
import { formatTargetValue, formatTargetYears } from '../../lib/targets';
import { type TargetAction, TargetRevision } from './revisions/TargetRevision';

type PlanTargetView = z.infer<typeof planTargetViewSchema>;

const COLUMNS: TableColumnsType<PlanTargetView> = [
  { title: 'TT', dataIndex: 'ordinal', key: 'ordinal', width: 56 },
  {
    title: 'Chỉ tiêu',
    key: 'subject',
    render: (_: unknown, t: PlanTargetView) => (
      <>
        <div>{t.subject || t.text}</div>
        {t.subject && t.subject !== t.text && (
          // The full sentence of the plan, so nobody has to trust the shortened subject alone.
          <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t.text}</div>
        )}
      </>
    ),
  },
  {
    title: 'Loại',
    key: 'kind',
    width: 160,
    render: (_: unknown, t: PlanTargetView) => TARGET_KIND_LABELS[t.kind],
  },
  {
    title: 'Mức',
    key: 'value',
    width: 150,
    render: (_: unknown, t: PlanTargetView) => <strong>{formatTargetValue(t)}</strong>,
  },
  {
    title: 'Thời gian',
    key: 'years',
    width: 130,
    render: (_: unknown, t: PlanTargetView) => formatTargetYears(t),
  },
];

/** The numeric targets of a confirmed plan; who may change the plan adds, changes and removes them. */
export function PlanTargetsTable({
  targets,
  planId,
  canEdit = false,
}: {
  targets: PlanTargetView[];
  planId?: number;
  canEdit?: boolean;
}) {
  const [action, setAction] = useState<TargetAction | null>(null);
  const editable = canEdit && planId !== undefined;
  const columns: TableColumnsType<PlanTargetView> = editable
    ? [
        ...COLUMNS,
        {
          title: 'Thay đổi',
          key: 'actions',
          width: 110,
          render: (_: unknown, t: PlanTargetView) => (
            <Flex gap={4}>
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={`Sửa chỉ tiêu ${t.ordinal}`}
                onClick={() => setAction({ kind: 'update', target: t })}
              />
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`Bỏ chỉ tiêu ${t.ordinal}`}
                onClick={() => setAction({ kind: 'remove', target: t })}
              />
            </Flex>
          ),
        },
      ]
    : COLUMNS;
  return (
    <>
      {editable && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAction({ kind: 'add' })}
          style={{ marginBottom: 12 }}
        >
          Thêm chỉ tiêu
        </Button>
      )}
      {editable && action && (
        <TargetRevision planId={planId} action={action} onClose={() => setAction(null)} />
      )}
      <PlanTargetsTableView targets={targets} columns={columns} />
    </>
  );
}

function PlanTargetsTableView({
  targets,
  columns,
}: {
  targets: PlanTargetView[];
  columns: TableColumnsType<PlanTargetView>;
}) {
  return (
    <Table<PlanTargetView>
      rowKey="id"
      columns={columns}
      dataSource={targets}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: 'Kế hoạch không nêu chỉ tiêu định lượng nào' }}
    />
  );
}
