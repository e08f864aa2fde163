import { Descriptions, Empty, Typography } from 'antd';
import type { PlanDetail } from '../../../../shared/contracts/plans';
import { PlanAgencyTag } from './PlanAgencyTag';

type Regime = NonNullable<PlanDetail['regime']>;

function annualDue(r: Regime): string {
  if (r.annualDueDay === null || r.annualDueMonth === null) return 'Văn bản không nêu';
  return `Trước ngày ${r.annualDueDay}/${r.annualDueMonth} hằng năm`;
}

/** How and when the agencies report on the plan, as the plan lays it down. */
export function PlanRegime({ regime }: { regime: PlanDetail['regime'] }) {
  if (!regime) return <Empty description="Kế hoạch không nêu chế độ báo cáo" />;
  return (
    <Descriptions
      bordered
      column={1}
      styles={{ label: { width: 220 } }}
      items={[
        {
          key: 'consolidator',
          label: 'Đơn vị tổng hợp',
          children: regime.consolidatorAgency ? (
            <PlanAgencyTag agency={regime.consolidatorAgency} />
          ) : (
            (regime.consolidator ?? 'Văn bản không nêu')
          ),
        },
        { key: 'annual', label: 'Hạn báo cáo hằng năm', children: annualDue(regime) },
        {
          key: 'mid',
          label: 'Sơ kết',
          children: regime.midTermYear ? `Năm ${regime.midTermYear}` : 'Văn bản không nêu',
        },
        {
          key: 'final',
          label: 'Tổng kết',
          children: regime.finalYear ? `Năm ${regime.finalYear}` : 'Văn bản không nêu',
        },
        {
          key: 'text',
          label: 'Nội dung trong văn bản',
          children: (
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>
              {regime.text}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
}
