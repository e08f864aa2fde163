import { Typography } from 'antd';
import type { SuccessionStep } from '../../../shared/domain/organisations/succession';
import { chainText } from '../../../shared/domain/organisations/succession';
import { formatDate } from '../lib/dates';

/**
 * Where a reorganised agency's work went: "→ Sở Tài chính từ 01/03/2025" after its name (issue 14).
 * Every view of a task or an agency shows it the same way; nothing when the agency was never merged.
 */
export function AgencyChain({
  chain,
  lead,
}: {
  chain: readonly SuccessionStep[] | undefined;
  /** Words before the first successor instead of the arrow ("nay là"). */
  lead?: string;
}) {
  if (!chain || chain.length === 0) return null;
  return (
    <Typography.Text type="secondary" data-agency-chain="">
      {chain.map((s, i) => (
        <span key={s.organisationId}>
          {i === 0 && lead ? ` ${lead} ` : ' → '}
          <Typography.Text strong>{s.name}</Typography.Text>
          {s.from ? ` từ ${formatDate(s.from)}` : ''}
        </span>
      ))}
    </Typography.Text>
  );
}

/** The chain as one line of text, for tooltips and titles. */
export const agencyChainText = chainText;
