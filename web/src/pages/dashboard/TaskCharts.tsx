import { Card, Table, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { DashboardPlan } from '../../../../shared/contracts/dashboard';
import { TASK_STATUS_CODES, TASK_STATUS_LABELS } from '../../../../shared/domain/task-status';
import { type ChartOption, EChart } from '../indicators/EChart';
import { type BoardFilter, taskListLink } from './drillDown';
import { EmptyNote } from './EmptyNote';
import { STATUS_CHART_COLORS } from './statusColors';

type AgencyRow = DashboardPlan['byLeadAgency'][number];

/** How many agencies the chart draws; the table beside it lists them all. */
const CHART_AGENCIES = 12;

const agencyLabel = (a: AgencyRow['agency']) =>
  a.formerName
    ? `${a.name} (trước đây: ${a.formerName})`
    : a.currentName
      ? `${a.name} (nay là ${a.currentName})`
      : a.name;

/** Tasks by status category; a click on a bar opens those tasks. */
export function StatusChart({
  planId,
  board,
  filter,
}: {
  planId: number;
  board: DashboardPlan;
  filter: BoardFilter;
}) {
  const navigate = useNavigate();
  const codes = TASK_STATUS_CODES;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: codes.map((c) => TASK_STATUS_LABELS[c]) },
      series: [
        {
          type: 'bar',
          name: 'Số nhiệm vụ',
          barMaxWidth: 28,
          cursor: 'pointer',
          label: { show: true, position: 'right' },
          data: codes.map((c) => ({ value: board.tasks[c], itemStyle: { color: STATUS_CHART_COLORS[c] } })),
        },
      ],
    }),
    [board],
  );
  return (
    <Card title="Nhiệm vụ theo trạng thái" size="small" style={{ height: '100%' }}>
      <EChart
        option={option}
        height={260}
        ariaLabel={`Biểu đồ nhiệm vụ theo trạng thái: ${codes.map((c) => `${TASK_STATUS_LABELS[c]} ${board.tasks[c]}`).join(', ')}`}
        onClick={(p) => navigate(taskListLink(planId, filter, { status: codes[p.dataIndex] }))}
      />
    </Card>
  );
}

/** Tasks by lead agency (as it is now) and status, as a stacked bar chart and as a table of links. */
export function AgencyChart({
  planId,
  board,
  filter,
}: {
  planId: number;
  board: DashboardPlan;
  filter: BoardFilter;
}) {
  const navigate = useNavigate();
  const rows = board.byLeadAgency;
  const shown = useMemo(() => rows.slice(0, CHART_AGENCIES), [rows]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 52, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 14, itemGap: 8, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((r) => agencyLabel(r.agency)),
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      series: TASK_STATUS_CODES.map((c) => ({
        type: 'bar' as const,
        stack: 'tasks',
        name: TASK_STATUS_LABELS[c],
        cursor: 'pointer',
        itemStyle: { color: STATUS_CHART_COLORS[c] },
        data: shown.map((r) => r.counts[c] || null),
      })),
    }),
    [shown],
  );
  const link = (r: AgencyRow, status?: (typeof TASK_STATUS_CODES)[number]) =>
    r.agency.organisationId === null
      ? null
      : taskListLink(planId, filter, { status, leadOrganisationId: r.agency.organisationId });
  const table = (
    <Table<AgencyRow>
      size="small"
      rowKey={(r) => `${r.agency.organisationId ?? r.agency.name}`}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 900 }}
      locale={{ emptyText: <EmptyNote>Không có nhiệm vụ.</EmptyNote> }}
      columns={[
        {
          title: 'Cơ quan chủ trì',
          key: 'agency',
          width: 240,
          sorter: (a, b) => a.agency.name.localeCompare(b.agency.name, 'vi'),
          render: (_, r) => agencyLabel(r.agency),
        },
        {
          title: 'Tổng',
          key: 'total',
          align: 'right',
          sorter: (a, b) => a.total - b.total,
          render: (_, r) => {
            const to = link(r);
            return to ? <Link to={to}>{r.total}</Link> : r.total;
          },
        },
        ...TASK_STATUS_CODES.map((c) => ({
          title: TASK_STATUS_LABELS[c],
          key: c,
          align: 'right' as const,
          sorter: (a: AgencyRow, b: AgencyRow) => a.counts[c] - b.counts[c],
          render: (_: unknown, r: AgencyRow) => {
            const to = link(r, c);
            return to && r.counts[c] > 0 ? (
              <Link
                to={to}
                aria-label={`${agencyLabel(r.agency)} — ${TASK_STATUS_LABELS[c]}: ${r.counts[c]}`}
              >
                {r.counts[c]}
              </Link>
            ) : (
              r.counts[c]
            );
          },
        })),
      ]}
    />
  );
  return (
    <Card title="Nhiệm vụ theo cơ quan chủ trì" size="small" style={{ height: '100%' }}>
      <Tabs
        size="small"
        items={[
          {
            key: 'chart',
            label: 'Biểu đồ',
            children: (
              <>
                <EChart
                  option={option}
                  height={Math.max(220, 60 + shown.length * 28)}
                  ariaLabel="Biểu đồ nhiệm vụ theo cơ quan chủ trì và trạng thái; xem bảng để có số liệu"
                  onClick={(p) => {
                    const to = link(shown[p.dataIndex]!, TASK_STATUS_CODES[p.seriesIndex]);
                    if (to) navigate(to);
                  }}
                />
                {rows.length > shown.length && (
                  <Typography.Text style={{ fontSize: 12 }}>
                    Biểu đồ vẽ {shown.length} cơ quan nhiều nhiệm vụ nhất; xem đủ {rows.length} cơ quan ở thẻ
                    Bảng.
                  </Typography.Text>
                )}
              </>
            ),
          },
          { key: 'table', label: 'Bảng', children: table },
        ]}
      />
    </Card>
  );
}
