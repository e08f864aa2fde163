import { Tag } from 'antd';
import type { Evaluation } from '../../../../shared/contracts/indicators';
import { EVALUATION_COLORS } from '../../../../shared/domain/indicators/types';

/** The verdict on a target, coloured by how worrying it is. */
export function EvaluationTag({ evaluation }: { evaluation: Pick<Evaluation, 'status' | 'label'> }) {
  return (
    <Tag color={EVALUATION_COLORS[evaluation.status]} data-status={evaluation.status}>
      {evaluation.label}
    </Tag>
  );
}
