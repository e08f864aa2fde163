import { Tag } from 'antd';
import type { DeadlineKind } from '../../../shared/contracts/plan-draft';
import { DEADLINE_KIND_COLORS, DEADLINE_KIND_LABELS } from '../lib/planLabels';

export function DeadlineKindTag({ kind }: { kind: DeadlineKind }) {
  return (
    <Tag color={DEADLINE_KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {DEADLINE_KIND_LABELS[kind]}
    </Tag>
  );
}
