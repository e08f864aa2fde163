import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { AgencyResolution } from '../../../../shared/contracts/plan-import';
import { useAllOrganisations } from '../../api/organisations';
import { AgencyChain } from '../../components/AgencyChain';
import type { AgencySlot } from './agencySlots';
import { useReviewTools } from './ReviewContext';
import { resolutionLook } from './resolutionLabel';

/** The reorganisation chain of a registry agency (from the registry the page already holds). */
function useChainOf(id: number | null) {
  const { data } = useAllOrganisations();
  return id === null ? undefined : data?.find((o) => o.id === id)?.chain;
}

interface Props {
  /** The agency as the document writes it. */
  text: string;
  resolution: AgencyResolution | null;
  slot: AgencySlot;
}

/**
 * One agency name of the draft and where it points in the registry. Doubtful links show the document's
 * wording next to the proposal (the officer needs both to judge) and are coloured; a click opens the editor.
 */
export function ResolutionTag({ text, resolution, slot }: Props) {
  const { nameOf, editAgency, readOnly } = useReviewTools();
  const look = resolutionLook(resolution, nameOf);
  const tag = (
    <Tag
      color={look.color}
      icon={look.warning ? <WarningOutlined /> : undefined}
      style={{ whiteSpace: 'normal', marginBlock: 2, cursor: readOnly ? 'default' : 'pointer' }}
      data-uncertain={look.warning ? 'true' : undefined}
    >
      {look.label}
    </Tag>
  );
  const chain = useChainOf(resolution?.type === 'organisation' ? resolution.organisationId : null);
  const tooltip = [`Văn bản ghi: “${text || '(trống)'}”`, look.warning].filter(Boolean).join('. ');
  const body = (
    <span>
      {look.warning && text && <span style={{ display: 'block', fontSize: 12 }}>“{text}” →</span>}
      <Tooltip title={tooltip}>{tag}</Tooltip>
      {/* A former agency, matched as of the plan's date: who holds its work now (issue 14). */}
      <AgencyChain chain={chain} lead="nay là" />
    </span>
  );
  if (readOnly) return body;
  return (
    <button
      type="button"
      aria-label={`Chọn cơ quan cho “${text}”`}
      onClick={(e) => {
        // Inside a table row that opens the task drawer on click: this click means "edit the link" only.
        e.stopPropagation();
        editAgency(slot);
      }}
      style={{
        background: 'none',
        border: 0,
        padding: 0,
        font: 'inherit',
        color: 'inherit',
        textAlign: 'left',
        cursor: 'pointer',
        maxWidth: '100%',
      }}
    >
      {body}
    </button>
  );
}
