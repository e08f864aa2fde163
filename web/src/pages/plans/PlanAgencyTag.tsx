import { Tag, Tooltip } from 'antd';
import type { PlanAgency } from '../../../../shared/contracts/plans';
import { AgencyChain, agencyChainText } from '../../components/AgencyChain';
import { groupLabel } from '../../lib/planLabels';

/**
 * An agency named by a confirmed plan. Blue: linked to the registry; purple: a named group of agencies;
 * grey: only the words of the document, linked to nobody. The tooltip keeps the document's own wording.
 */
export function PlanAgencyTag({ agency }: { agency: PlanAgency }) {
  const [label, color, note] =
    agency.organisationId !== null
      ? [agency.organisationName ?? agency.text, 'blue', 'Cơ quan trong danh mục']
      : agency.groupKey !== null
        ? [groupLabel(agency.groupKey), 'purple', 'Nhóm cơ quan']
        : [agency.text, 'default', 'Chưa liên kết với danh mục cơ quan'];
  const chain = agency.chain ?? [];
  const tooltip = [
    label === agency.text ? note : `${note}. Văn bản ghi: “${agency.text}”`,
    chain.length > 0 ? `Đã sắp xếp lại: ${agencyChainText(label, chain)}` : null,
  ]
    .filter(Boolean)
    .join('. ');
  return (
    <span style={{ display: 'inline-block', marginBlock: 2 }}>
      <Tooltip title={tooltip}>
        <Tag color={chain.length > 0 ? 'default' : color} style={{ whiteSpace: 'normal' }}>
          {label}
        </Tag>
      </Tooltip>
      <AgencyChain chain={chain} />
    </span>
  );
}
