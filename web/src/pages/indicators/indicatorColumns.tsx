import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { IndicatorSummary } from '../../../../shared/contracts/indicators';
import type { ResponsiveColumn } from '../../components/ResponsiveTable';
import { formatValueWithUnit } from './indicatorFormat';
import { TargetEvaluationItem } from './TargetEvaluationItem';
import { ValueStatusTag } from './ValueStatusTag';

function LatestValue({ indicator }: { indicator: IndicatorSummary }) {
  const latest = indicator.effectiveValues.at(-1);
  if (!latest) return <Typography.Text type="secondary">Chưa có số liệu</Typography.Text>;
  return (
    <Flex vertical gap={4} align="flex-start">
      <span>
        Năm {latest.year}: <strong>{formatValueWithUnit(latest.value, indicator.unit)}</strong>
      </span>
      <ValueStatusTag status={latest.status} />
    </Flex>
  );
}

export function indicatorColumns(planId: number): ResponsiveColumn<IndicatorSummary>[] {
  return [
    { title: 'Mã', dataIndex: 'code', key: 'code', width: 80 },
    {
      title: 'Chỉ số',
      phone: 'title',
      key: 'name',
      width: 280,
      render: (_: unknown, i: IndicatorSummary) => (
        <>
          <Link to={`/ke-hoach/${planId}/chi-tieu/${i.id}`} style={{ fontWeight: 500 }}>
            {i.name}
          </Link>
          <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12, marginTop: 4 }}>
            Đơn vị: {i.unit} · Chủ trì số liệu: {i.owner?.name ?? 'chưa giao'}
          </div>
          {i.pendingCount > 0 && (
            <Tag color="orange" style={{ marginTop: 4 }}>
              {i.pendingCount} số liệu chờ tiếp nhận
            </Tag>
          )}
        </>
      ),
    },
    {
      title: 'Số liệu gần nhất',
      key: 'latest',
      width: 170,
      render: (_: unknown, i: IndicatorSummary) => <LatestValue indicator={i} />,
    },
    {
      title: 'Chỉ tiêu và đánh giá',
      key: 'targets',
      render: (_: unknown, i: IndicatorSummary) =>
        i.targets.length === 0 ? (
          <Typography.Text type="secondary">Không có chỉ tiêu</Typography.Text>
        ) : (
          i.targets.map((t) => <TargetEvaluationItem key={t.id} target={t} />)
        ),
    },
  ];
}
