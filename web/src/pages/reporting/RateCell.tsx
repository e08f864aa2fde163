import { Flex, Progress, Typography } from 'antd';
import { formatNumber } from '../../lib/numbers';

/** "3/5" with a bar of the percentage; a dash when nothing was expected (no division by zero shown as 0%). */
export function RateCell({
  count,
  expected,
  rate,
}: {
  count: number;
  expected: number;
  rate: number | null;
}) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={0} style={{ minWidth: 120 }}>
      <Typography.Text>
        {count}/{expected} ({formatNumber(rate)}%)
      </Typography.Text>
      <Progress
        aria-label={`Tỷ lệ ${formatNumber(rate)}%`}
        percent={rate}
        showInfo={false}
        size="small"
        status={rate >= 100 ? 'success' : 'normal'}
      />
    </Flex>
  );
}
