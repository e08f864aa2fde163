import { Badge, Tabs } from 'antd';
import type { ReactNode } from 'react';
import type { ReviewDraft } from '../../../../shared/contracts/plan-import';
import { isUncertainResolution } from '../../../../shared/domain/plan-import/review';
import { GeneralInfoPanel } from './GeneralInfoPanel';
import { HandMadeHeaderFields } from './HandMadeHeaderFields';
import { ReviewDutiesPanel } from './ReviewDutiesPanel';
import { ReviewRegimePanel } from './ReviewRegimePanel';
import { ReviewTargetsPanel } from './ReviewTargetsPanel';
import { ReviewTasksPanel } from './ReviewTasksPanel';
import { anyUncertain, taskNeedsCheck } from './uncertainty';
import { WarningsPanel } from './WarningsPanel';

/** A tab title with, when something there needs checking, the number in orange. */
function label(text: string, doubtful: number): ReactNode {
  return (
    <span>
      {text}
      {doubtful > 0 && (
        <Badge count={doubtful} color="orange" size="small" style={{ marginInlineStart: 6 }} />
      )}
    </span>
  );
}

/**
 * The draft, part by part, in the order of the document. A plan entered by hand is filled in from its
 * header on: the form opens there, with the consolidating agency and the period, and has no duties or
 * reader's warnings.
 */
export function DraftTabs({ draft, handMade = false }: { draft: ReviewDraft; handMade?: boolean }) {
  const doubtfulTasks = draft.tasks.filter(taskNeedsCheck).length;
  const doubtfulDuties = draft.duties.filter((d) => anyUncertain(d.agencies)).length;
  const doubtfulRegime =
    draft.consolidatorResolution && isUncertainResolution(draft.consolidatorResolution) ? 1 : 0;
  const missingHeader = (draft.number ? 0 : 1) + (draft.issuedOn ? 0 : 1);
  const general = {
    key: 'general',
    label: label('Thông tin chung', missingHeader),
    children: handMade ? (
      <>
        <HandMadeHeaderFields draft={draft} />
        <GeneralInfoPanel draft={draft} />
      </>
    ) : (
      <GeneralInfoPanel draft={draft} />
    ),
  };
  const hidden = handMade ? ['duties', 'warnings'] : [];
  return (
    <Tabs
      defaultActiveKey={handMade ? 'general' : 'tasks'}
      style={{ paddingInline: 16 }}
      items={[
        general,
        {
          key: 'targets',
          label: `Mục tiêu (${draft.targets.length})`,
          children: <ReviewTargetsPanel targets={draft.targets} />,
        },
        {
          key: 'tasks',
          label: label(`Nhiệm vụ (${draft.tasks.length})`, doubtfulTasks),
          children: <ReviewTasksPanel draft={draft} />,
        },
        {
          key: 'duties',
          label: label('Phân công', doubtfulDuties),
          children: <ReviewDutiesPanel draft={draft} />,
        },
        {
          key: 'regime',
          label: label('Chế độ báo cáo', doubtfulRegime),
          children: <ReviewRegimePanel draft={draft} />,
        },
        {
          key: 'warnings',
          label: label('Cảnh báo', draft.warnings.length),
          children: <WarningsPanel warnings={draft.warnings} coverage={draft.sourceLines} />,
        },
      ].filter((tab) => !hidden.includes(tab.key))}
    />
  );
}
