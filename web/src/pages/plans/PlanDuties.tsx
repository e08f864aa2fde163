import { UnorderedListOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PlanDutyView } from '../../../../shared/contracts/plans';
import { PlanAgencyTags } from './PlanAgencyTags';

/** Section "Tổ chức thực hiện": what each agency is charged with, with a shortcut to its tasks. */
export function PlanDuties({ planId, duties }: { planId: number; duties: PlanDutyView[] }) {
  if (duties.length === 0)
    return <Empty description="Kế hoạch không phân công nhiệm vụ riêng cho cơ quan nào" />;
  return (
    <Flex vertical gap={12}>
      {duties.map((d) => {
        const linked = d.agencies.filter((a) => a.organisationId !== null);
        return (
          <Card
            key={d.id}
            size="small"
            title={
              <Flex gap={8} align="center" wrap="wrap" style={{ whiteSpace: 'normal', paddingBlock: 4 }}>
                <span>
                  {d.ordinal}. {d.agencyText}
                </span>
                <PlanAgencyTags agencies={d.agencies} empty="Chưa liên kết" />
              </Flex>
            }
          >
            {d.paragraphs.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs never reorder and may repeat
              <Typography.Paragraph key={i} style={{ marginBottom: 8 }}>
                {p}
              </Typography.Paragraph>
            ))}
            {linked.length > 0 && (
              <Flex gap={16} wrap="wrap">
                {linked.map((a) => (
                  <Link
                    key={a.organisationId}
                    to={`/ke-hoach/${planId}/nhiem-vu?organisationId=${a.organisationId}`}
                  >
                    <UnorderedListOutlined /> Nhiệm vụ của {a.organisationName ?? a.text} trong kế hoạch
                  </Link>
                ))}
              </Flex>
            )}
          </Card>
        );
      })}
    </Flex>
  );
}
