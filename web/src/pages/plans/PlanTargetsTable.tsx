import { Table, type TableColumnsType } from 'antd';
import type { z } from 'zod';
import type { planTargetViewSchema } from '../../../../shared/contracts/plans';
import { TARGET_KIND_LABELS } from '../../lib/planLabels';
import { formatTargetValue, formatTargetYears } from '../../lib/targets';

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

/** The numeric targets of a confirmed plan. */
export function PlanTargetsTable({ targets }: { targets: PlanTargetView[] }) {
  return (
    <Table<PlanTargetView>
      rowKey="id"
      columns={COLUMNS}
      dataSource={targets}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: 'Kế hoạch không nêu chỉ tiêu định lượng nào' }}
    />
  );
}
