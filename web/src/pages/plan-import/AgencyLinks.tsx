import { Flex } from 'antd';
import type { ReactNode } from 'react';
import type { AgencyLinkDraft } from '../../../../shared/contracts/plan-import';
import type { AgencySlot } from './agencySlots';
import { ResolutionTag } from './ResolutionTag';

interface Props {
  links: AgencyLinkDraft[];
  slotOf: (index: number) => AgencySlot;
  empty: ReactNode;
}

/** The agencies one cell names, one tag each, stacked so long names stay readable in a narrow column. */
export function AgencyLinks({ links, slotOf, empty }: Props) {
  if (links.length === 0) return empty;
  return (
    <Flex vertical gap={2} align="flex-start">
      {links.map((link, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: links are positions in the cell; the same name may repeat
        <ResolutionTag key={i} text={link.text} resolution={link.resolution} slot={slotOf(i)} />
      ))}
    </Flex>
  );
}
