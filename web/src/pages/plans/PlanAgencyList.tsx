import { Flex, Typography } from 'antd';
import type { PlanAgency } from '../../../../shared/contracts/plans';
import { AgencyChain } from '../../components/AgencyChain';
import { groupLabel } from '../../lib/planLabels';

function registryName(a: PlanAgency): string | null {
  if (a.organisationName) return a.organisationName;
  if (a.groupKey) return groupLabel(a.groupKey);
  return null;
}

/**
 * The agencies of a cell spelled out for the task page: the registry name first, then, if the document
 * worded it differently, its own words; names linked to nobody say so.
 */
export function PlanAgencyList({ agencies, empty }: { agencies: PlanAgency[]; empty: string }) {
  if (agencies.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex vertical gap={6}>
      {agencies.map((a, i) => {
        const name = registryName(a);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same wording may occur twice in one cell
          <div key={i}>
            {a.groupKey && <Typography.Text type="secondary">Nhóm </Typography.Text>}
            <Typography.Text strong={name !== null}>{name ?? a.text}</Typography.Text>
            {name === null && (
              <Typography.Text type="secondary"> (chưa liên kết với danh mục cơ quan)</Typography.Text>
            )}
            <AgencyChain chain={a.chain} />
            {name !== null && name !== a.text && (
              <Typography.Text type="secondary"> — văn bản ghi “{a.text}”</Typography.Text>
            )}
          </div>
        );
      })}
    </Flex>
  );
}
