import { Flex, Typography } from 'antd';
import type { IndicatorTarget } from '../../../../shared/contracts/indicators';
import { formatTargetValue, formatTargetYears } from '../../lib/targets';
import { EvaluationTag } from './EvaluationTag';

/** One target of the plan as written, its figure and years, and the evaluation with its reason. */
export function TargetEvaluationItem({ target }: { target: IndicatorTarget }) {
  return (
    <div data-testid={`target-${target.id}`} style={{ marginBottom: 8 }}>
      <Flex gap={8} align="baseline" wrap="wrap">
        <EvaluationTag evaluation={target.evaluation} />
        <Typography.Text strong>
          {formatTargetValue(target)} {formatTargetYears(target)}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ margin: '4px 0 0' }} data-testid="evaluation-reason">
        {target.evaluation.reason}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Kế hoạch: “{target.text}”
      </Typography.Text>
    </div>
  );
}
