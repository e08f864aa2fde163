import { Alert, Card, Grid, Splitter } from 'antd';
import { useMemo, useState } from 'react';
import type { PlanImport, ReviewDraft } from '../../../../shared/contracts/plan-import';
import { handMadeProblems } from '../../../../shared/domain/plan-import/hand-made';
import { countUncertain } from '../../../../shared/domain/plan-import/review';
import { AgencyResolutionModal, type SavedLink } from './AgencyResolutionModal';
import { type AgencySlot, readSlot } from './agencySlots';
import { DraftTabs } from './DraftTabs';
import type { DraftUpdate } from './draftUpdates';
import { ReviewContext, type ReviewTools } from './ReviewContext';
import { ReviewStatusAlerts } from './ReviewStatusAlerts';
import { ReviewToolbar } from './ReviewToolbar';
import { type SourceRequest, SourceTextPanel } from './SourceTextPanel';
import { useRegistry } from './useRegistry';
import { useReviewActions } from './useReviewActions';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';

/**
 * What the stored draft says for this name, for comparison in the editor: the importer's proposal until
 * the first save, the last saved choice after. Nothing when the officer has re-typed the name since.
 */
function savedLinkFor(imp: PlanImport, draft: ReviewDraft, slot: AgencySlot): SavedLink | null {
  const saved = readSlot(imp.draft, slot);
  if (!saved || saved.text !== readSlot(draft, slot)?.text) return null;
  return { resolution: saved.resolution, label: imp.version > 1 ? 'Bản nháp đã lưu' : 'Hệ thống đề xuất' };
}

/** Both panes share the window height so the original and the draft scroll independently, side by side. */
const PANE_HEIGHT = 'calc(100vh - 210px)';

interface Props {
  imp: PlanImport;
  reload: () => Promise<unknown>;
}

export function ReviewWorkspace({ imp, reload }: Props) {
  // Local edits on top of the server's draft; null = nothing changed since the last load or save.
  const [edited, setEdited] = useState<ReviewDraft | null>(null);
  const draft = edited ?? imp.draft;
  const dirty = edited !== null;
  const editable = imp.status === 'draft';
  const handMade = imp.document === null;
  const [agencySlot, setAgencySlot] = useState<AgencySlot | null>(null);
  const [sourceRequest, setSourceRequest] = useState<SourceRequest | null>(null);
  const { nameOf } = useRegistry();
  const wide = Grid.useBreakpoint().lg ?? false;
  const actions = useReviewActions({ imp, draft, dirty, dropEdits: () => setEdited(null), reload });
  useUnsavedChangesGuard(dirty && editable);

  const tools = useMemo<ReviewTools>(
    () => ({
      readOnly: !editable,
      handMade,
      update: (change: DraftUpdate) => setEdited((prev) => change(prev ?? imp.draft)),
      nameOf,
      editAgency: setAgencySlot,
      showInSource: (target) => setSourceRequest({ ...target, nonce: Date.now() }),
    }),
    [editable, handMade, imp.draft, nameOf],
  );

  const uncertain = countUncertain(draft);
  const missing = handMade && editable ? handMadeProblems(draft) : [];
  const confirmBlocked = missing.length
    ? 'Còn thiếu thông tin bắt buộc (xem danh sách phía trên)'
    : imp.duplicateOf
      ? 'Văn bản này đã được nhập thành kế hoạch, không xác nhận lần nữa được'
      : actions.conflict
        ? 'Hãy tải lại bản nháp mới nhất trước'
        : null;

  const source = <SourceTextPanel text={imp.sourceText} request={sourceRequest} />;
  const tabs = (
    <div style={{ height: '100%', overflow: 'auto' }}>
      <DraftTabs draft={draft} handMade={handMade} />
    </div>
  );

  return (
    <ReviewContext.Provider value={tools}>
      <ReviewToolbar
        imp={imp}
        uncertain={uncertain}
        dirty={dirty}
        editable={editable}
        confirmBlocked={confirmBlocked}
        saving={actions.saving}
        confirming={actions.confirming}
        discarding={actions.discarding}
        onSave={actions.saveDraft}
        onConfirm={actions.requestConfirm}
        onDiscard={actions.discardDraft}
      />
      <ReviewStatusAlerts
        imp={imp}
        conflict={actions.conflict}
        onReload={() => void actions.reloadAfterConflict()}
      />
      {missing.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="Cần nhập đủ trước khi xác nhận tạo kế hoạch"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {missing.slice(0, 8).map((p) => (
                <li key={p.path}>{p.message}</li>
              ))}
              {missing.length > 8 && <li>… và {missing.length - 8} mục khác</li>}
            </ul>
          }
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        {handMade ? (
          // Nothing to compare with: the form takes the whole width.
          <div style={{ paddingBlock: 8 }}>
            <DraftTabs draft={draft} handMade />
          </div>
        ) : wide ? (
          <Splitter style={{ height: PANE_HEIGHT, minHeight: 480 }}>
            <Splitter.Panel defaultSize="34%" min="20%" max="70%">
              {source}
            </Splitter.Panel>
            <Splitter.Panel>{tabs}</Splitter.Panel>
          </Splitter>
        ) : (
          // On a narrow screen the two stack; the original keeps a fixed share so the draft stays reachable.
          <>
            <div style={{ height: '40vh', borderBottom: '1px solid #f0f0f0' }}>{source}</div>
            {tabs}
          </>
        )}
      </Card>
      {agencySlot && readSlot(draft, agencySlot) && (
        <AgencyResolutionModal
          slot={agencySlot}
          draft={draft}
          saved={savedLinkFor(imp, draft, agencySlot)}
          onClose={() => setAgencySlot(null)}
        />
      )}
    </ReviewContext.Provider>
  );
}
