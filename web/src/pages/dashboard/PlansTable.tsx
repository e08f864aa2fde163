import { Button, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { DashboardPlanRow } from '../../../../shared/contracts/dashboard';
import { TASK_STATUS_CODES, TASK_STATUS_LABELS } from '../../../../shared/domain/task-status';
import { formatNumber } from '../../lib/numbers';
import { RateCell } from '../reporting/RateCell';
import { planIndicatorsLink, reportingRatesLink, taskListLink } from './drillDown';

const percent = (rate: number | null) =>
  rate === null ? '—' : `${formatNumber(Math.round(rate * 1000) / 10)}%`;
const byNumber = (f: (r: DashboardPlanRow) => number | null) => (a: DashboardPlanRow, b: DashboardPlanRow) =>
  (f(a) ?? -1) - (f(b) ?? -1);

/**
 * One row per plan: tasks by status category (each count opens those tasks), completion, the open
 * period's reporting rate and the targets at risk. Every column sorts; choosing a plan opens its board.
 */
export function PlansTable({
  rows,
  year,
  loading,
  selectedId,
  onSelect,
}: {
  rows: readonly DashboardPlanRow[];
  year: number | undefined;
  loading: boolean;
  selectedId: number | undefined;
  onSelect: (planId: number) => void;
}) {
  const columns: ColumnsType<DashboardPlanRow> = [
    {
      title: 'Kế hoạch',
      key: 'plan',
      fixed: 'left',
      width: 230,
      sorter: (a, b) => (a.plan.number ?? '').localeCompare(b.plan.number ?? '', 'vi', { numeric: true }),
      render: (_, r) => (
        <Flex vertical gap={0} align="start">
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', fontWeight: 600 }}
            aria-pressed={r.plan.id === selectedId}
            onClick={() => onSelect(r.plan.id)}
          >
            {r.plan.number ?? 'Chưa rõ số hiệu'}
          </Button>
          <Typography.Paragraph
            style={{ margin: 0, fontSize: 13 }}
            ellipsis={{ rows: 2, tooltip: r.plan.title }}
          >
            {r.plan.title}
          </Typography.Paragraph>
        </Flex>
      ),
    },
    {
      title: 'Tổng số nhiệm vụ',
      key: 'total',
      align: 'right',
      width: 76,
      sorter: byNumber((r) => r.tasks.total),
      render: (_, r) => <Link to={taskListLink(r.plan.id, { year })}>{formatNumber(r.tasks.total)}</Link>,
    },
    ...TASK_STATUS_CODES.map((code) => ({
      title: TASK_STATUS_LABELS[code],
      key: code,
      align: 'right' as const,
      width: 80,
      sorter: byNumber((r) => r.tasks[code]),
      ...(code === 'overdue' ? { defaultSortOrder: 'descend' as const } : {}),
      render: (_: unknown, r: DashboardPlanRow) => (
        <Link
          to={taskListLink(r.plan.id, { year }, { status: code })}
          aria-label={`${TASK_STATUS_LABELS[code]}: ${r.tasks[code]} nhiệm vụ của kế hoạch ${r.plan.number ?? r.plan.title}`}
          style={code === 'overdue' && r.tasks[code] > 0 ? { color: '#a8071a', fontWeight: 600 } : undefined}
        >
          {formatNumber(r.tasks[code])}
        </Link>
      ),
    })),
    {
      title: 'Hoàn thành',
      key: 'completion',
      align: 'right',
      width: 84,
      sorter: byNumber((r) => r.tasks.completionRate),
      render: (_, r) => percent(r.tasks.completionRate),
    },
    {
      title: 'Tỷ lệ báo cáo kỳ đang mở',
      key: 'rate',
      width: 140,
      sorter: byNumber((r) => r.reporting?.rate.submittedRate ?? null),
      render: (_, r) =>
        r.reporting ? (
          <Link
            to={reportingRatesLink(r.plan.id, r.reporting.period.id)}
            aria-label={`Tỷ lệ báo cáo ${r.reporting.period.title}`}
            style={{ color: 'inherit' }}
          >
            <RateCell
              count={r.reporting.rate.submitted}
              expected={r.reporting.rate.expected}
              rate={r.reporting.rate.submittedRate}
            />
          </Link>
        ) : (
          'Chưa mở kỳ'
        ),
    },
    {
      title: 'Chỉ tiêu có nguy cơ',
      key: 'targets',
      align: 'right',
      width: 92,
      sorter: byNumber((r) => r.targets.atRisk),
      render: (_, r) => (
        <Link
          to={planIndicatorsLink(r.plan.id)}
          aria-label={`${r.targets.atRisk} trên ${r.targets.total} chỉ tiêu có nguy cơ không đạt`}
        >
          {formatNumber(r.targets.atRisk)}/{formatNumber(r.targets.total)}
        </Link>
      ),
    },
  ];
  return (
    <Table<DashboardPlanRow>
      rowKey={(r) => r.plan.id}
      size="small"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 1100 }}
      rowClassName={(r) => (r.plan.id === selectedId ? 'ant-table-row-selected' : '')}
      locale={{ emptyText: 'Chưa có kế hoạch nào.' }}
      showSorterTooltip={{ title: 'Bấm để sắp xếp' }}
    />
  );
}
