import { Badge, Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DashboardTarget } from '../../../../shared/contracts/dashboard';
import { EVALUATION_COLORS } from '../../../../shared/domain/indicators/types';
import { formatTargetValue, formatTargetYears } from '../../lib/targets';
import { type ChartOption, EChart } from '../indicators/EChart';
import { formatValue, formatValueWithUnit } from '../indicators/indicatorFormat';
import { indicatorLink, planIndicatorsLink } from './drillDown';

const BADGE = {
  success: 'success',
  processing: 'processing',
  warning: 'warning',
  error: 'error',
  default: 'default',
} as const;

/** A small chart of the indicator's yearly values (bars for rates and counts, a line for levels). */
function seriesOption(t: DashboardTarget): ChartOption {
  const bars = t.indicator.valueKind === 'rate' || t.indicator.valueKind === 'count';
  return {
    grid: { left: 4, right: 4, top: 14, bottom: 18 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? formatValueWithUnit(v, t.indicator.unit) : '—'),
    },
    xAxis: { type: 'category', data: t.series.map((v) => String(v.year)), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', show: false, scale: !bars },
    series: [
      {
        type: bars ? 'bar' : 'line',
        name: t.indicator.name,
        barMaxWidth: 14,
        data: t.series.map((v) => v.value),
        label: {
          show: t.series.length <= 6,
          position: 'top',
          fontSize: 10,
          formatter: (p) => formatValue(Number(p.value)),
        },
      },
    ],
  };
}

/** Every target of the plan with its evaluation today and the series behind it; each opens its indicator. */
export function TargetsCard({ planId, targets }: { planId: number; targets: readonly DashboardTarget[] }) {
  return (
    <Card
      size="small"
      title={`Mục tiêu, chỉ tiêu (${targets.length})`}
      extra={<Link to={planIndicatorsLink(planId)}>Mở trang chỉ tiêu</Link>}
    >
      <Table<DashboardTarget>
        size="small"
        rowKey={(t) => t.id}
        dataSource={[...targets]}
        pagination={targets.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: 900 }}
        locale={{ emptyText: 'Kế hoạch không có chỉ tiêu định lượng.' }}
        columns={[
          {
            title: 'Chỉ tiêu',
            key: 'target',
            render: (_, t) => (
              <>
                <Link to={indicatorLink(planId, t.indicator.id)}>{t.indicator.name}</Link>
                <div style={{ fontSize: 13 }}>
                  Mục tiêu {formatTargetYears(t)}: {formatTargetValue(t)}
                </div>
              </>
            ),
          },
          {
            title: 'Đánh giá',
            key: 'evaluation',
            width: 220,
            sorter: (a, b) => a.evaluation.status.localeCompare(b.evaluation.status),
            render: (_, t) => (
              <>
                <Badge status={BADGE[EVALUATION_COLORS[t.evaluation.status]]} text={t.evaluation.label} />
                <Typography.Paragraph
                  style={{ fontSize: 12, margin: 0 }}
                  ellipsis={{ rows: 2, tooltip: t.evaluation.reason }}
                >
                  {t.evaluation.reason}
                </Typography.Paragraph>
              </>
            ),
          },
          {
            title: 'Số liệu qua các năm',
            key: 'series',
            width: 260,
            render: (_, t) =>
              t.series.length === 0 ? (
                'Chưa có số liệu'
              ) : (
                <EChart
                  option={seriesOption(t)}
                  height={80}
                  ariaLabel={`${t.indicator.name}: ${t.series.map((v) => `năm ${v.year} ${formatValueWithUnit(v.value, t.indicator.unit)}`).join(', ')}`}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}
