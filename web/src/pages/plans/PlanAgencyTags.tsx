import { Flex, Typography } from 'antd';
import type { PlanAgency } from '../../../../shared/contracts/plans';
import { PlanAgencyTag } from './PlanAgencyTag';

interface Props {
  agencies: PlanAgency[];
  /** Shown when the cell names nobody. */
  empty?: string;
  vertical?: boolean;
}

/** All agencies of one cell ("chủ trì" may name several), one tag each. */
export function PlanAgencyTags({ agencies, empty = 'Không có', vertical = false }: Props) {
  if (agencies.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex wrap="wrap" vertical={vertical} align={vertical ? 'flex-start' : undefined}>
      {agencies.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same wording may occur twice in one cell
        <PlanAgencyTag key={i} agency={a} />
      ))}
    </Flex>
  );
}
