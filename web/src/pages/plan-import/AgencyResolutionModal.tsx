import { Alert, Button, Checkbox, Descriptions, Flex, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import type { AgencyResolution, ReviewDraft } from '../../../../shared/contracts/plan-import';
import { agencyResolutionSchema } from '../../../../shared/contracts/plan-import';
import {
  ORGANISATION_GROUP_KEYS,
  ORGANISATION_GROUPS,
  type OrganisationGroupKey,
} from '../../../../shared/domain/organisations/groups';
import { guessOrganisationKind } from '../../../../shared/domain/organisations/guess-kind';
import type { OrganisationKind } from '../../../../shared/domain/organisations/kinds';
import { cleanAgencyName } from '../../../../shared/domain/organisations/match';
import { KindSelect } from '../../components/KindSelect';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { type AgencySlot, readSlot, slotsWithText, writeSlot } from './agencySlots';
import { useReviewTools } from './ReviewContext';
import { resolutionLook } from './resolutionLabel';

type Choice = AgencyResolution['type'];

const GROUP_OPTIONS = ORGANISATION_GROUP_KEYS.map((k) => ({ value: k, label: ORGANISATION_GROUPS[k].label }));

/** The link stored on the server for this name, and what it is (the importer's proposal or a saved choice). */
export interface SavedLink {
  resolution: AgencyResolution | null;
  label: string;
}

interface Props {
  slot: AgencySlot;
  draft: ReviewDraft;
  saved: SavedLink | null;
  onClose: () => void;
}

/** The editor's working values: every option keeps what was typed, so switching back and forth loses nothing. */
interface Working {
  choice: Choice;
  organisationId: number | null;
  groupKey: OrganisationGroupKey | null;
  newName: string;
  newKind: OrganisationKind;
}

function initialWorking(text: string, current: AgencyResolution | null): Working {
  const name = current?.type === 'new' ? current.name : cleanAgencyName(text);
  return {
    choice: current?.type ?? 'organisation',
    organisationId: current?.type === 'organisation' ? current.organisationId : null,
    groupKey: current?.type === 'group' ? current.groupKey : null,
    newName: name,
    newKind: current?.type === 'new' ? current.kind : guessOrganisationKind(name),
  };
}

/** What the officer chose; a link picked by hand is certain, so it counts as checked. */
function toResolution(w: Working): AgencyResolution | null {
  switch (w.choice) {
    case 'organisation':
      return w.organisationId === null
        ? null
        : { type: 'organisation', organisationId: w.organisationId, confidence: 1 };
    case 'group':
      return w.groupKey === null ? null : { type: 'group', groupKey: w.groupKey, confidence: 1 };
    case 'new':
      return { type: 'new', name: w.newName.trim(), kind: w.newKind, reviewed: true };
    case 'unresolved':
      return { type: 'unresolved', reviewed: true };
  }
}

/**
 * Ties one agency name of the document to the registry: an existing agency, a named group, a new agency
 * to register on confirm, or no link at all. Shows what the document says and what the importer proposed.
 */
export function AgencyResolutionModal({ slot, draft, saved, onClose }: Props) {
  const { nameOf, update } = useReviewTools();
  const value = readSlot(draft, slot);
  const text = value?.text ?? '';
  const current = value?.resolution ?? null;
  const [w, setW] = useState<Working>(() => initialWorking(text, current));
  const [error, setError] = useState<string | null>(null);
  const sameText = slotsWithText(draft, text);
  const [everywhere, setEverywhere] = useState(sameText.length > 1);
  const change = (patch: Partial<Working>) => {
    setError(null);
    setW((prev) => ({ ...prev, ...patch }));
  };

  const apply = () => {
    const resolution = toResolution(w);
    if (resolution === null) {
      setError(w.choice === 'group' ? 'Vui lòng chọn nhóm cơ quan' : 'Vui lòng chọn cơ quan trong danh mục');
      return;
    }
    // The same rule the server applies, so a bad name is caught here with the same message.
    const checked = agencyResolutionSchema.safeParse(resolution);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Giá trị không hợp lệ');
      return;
    }
    const targets = everywhere ? sameText : [slot];
    update((d) => targets.reduce((acc, s) => writeSlot(acc, s, checked.data), d));
    onClose();
  };

  const proposal = saved?.resolution ?? null;
  const proposalLook = resolutionLook(proposal, nameOf);
  return (
    <Modal
      title="Liên kết cơ quan với danh mục"
      open
      onCancel={onClose}
      onOk={apply}
      okText="Áp dụng"
      cancelText="Hủy"
      width={640}
    >
      <Descriptions
        column={1}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'text',
            label: 'Văn bản ghi',
            children: <Typography.Text strong>{text || '(trống)'}</Typography.Text>,
          },
          ...(saved
            ? [
                {
                  key: 'proposal',
                  label: saved.label,
                  children: (
                    <span>
                      {proposalLook.label}
                      {proposal && 'confidence' in proposal && proposal.confidence === 1 && ' — khớp 100%'}
                      {proposalLook.warning && (
                        <Typography.Text type="warning"> — {proposalLook.warning}</Typography.Text>
                      )}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {current?.type === 'organisation' && current.notInForce && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={resolutionLook(current, nameOf).warning}
          action={
            current.notInForce.successorId !== null && (
              <Button
                size="small"
                onClick={() =>
                  change({ choice: 'organisation', organisationId: current.notInForce?.successorId ?? null })
                }
              >
                Dùng cơ quan kế nhiệm
              </Button>
            )
          }
        />
      )}
      <Radio.Group
        aria-label="Cách liên kết"
        value={w.choice}
        onChange={(e) => change({ choice: e.target.value as Choice })}
        style={{ width: '100%' }}
      >
        <Flex vertical gap={12}>
          <Radio value="organisation">Cơ quan trong danh mục</Radio>
          {w.choice === 'organisation' && (
            <OrganisationSelect
              aria-label="Cơ quan trong danh mục"
              placeholder="Gõ tên cơ quan để tìm (không cần dấu)"
              value={w.organisationId}
              onChange={(organisationId) => change({ organisationId })}
              style={{ width: '100%' }}
            />
          )}
          <Radio value="group">Nhóm cơ quan (ví dụ: các sở, ban, ngành)</Radio>
          {w.choice === 'group' && (
            <Select<OrganisationGroupKey>
              aria-label="Nhóm cơ quan"
              placeholder="Chọn nhóm cơ quan"
              value={w.groupKey ?? undefined}
              onChange={(groupKey) => change({ groupKey })}
              options={GROUP_OPTIONS}
              style={{ width: '100%' }}
            />
          )}
          <Radio value="new">Thêm cơ quan mới vào danh mục</Radio>
          {w.choice === 'new' && (
            <Flex gap={8} wrap="wrap">
              <Input
                aria-label="Tên cơ quan mới"
                placeholder="Tên đầy đủ của cơ quan"
                value={w.newName}
                onChange={(e) => change({ newName: e.target.value })}
                style={{ flex: '1 1 280px' }}
              />
              <KindSelect
                aria-label="Loại cơ quan mới"
                value={w.newKind}
                onChange={(kind) => change({ newKind: kind ?? 'khac' })}
                style={{ width: 200 }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Cơ quan được thêm vào danh mục khi xác nhận kế hoạch. Loại cơ quan quyết định nó thuộc nhóm
                nào (ví dụ loại “Sở” thuộc “Các sở, ban, ngành” của tỉnh), nên cơ quan của tỉnh khác hãy chọn
                “Khác”.
              </Typography.Text>
            </Flex>
          )}
          <Radio value="unresolved">Chỉ giữ tên, không liên kết</Radio>
          {w.choice === 'unresolved' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Kế hoạch lưu đúng tên như văn bản ghi nhưng không gắn với cơ quan nào, nên nhiệm vụ sẽ không
              hiện khi lọc theo cơ quan.
            </Typography.Text>
          )}
        </Flex>
      </Radio.Group>
      {sameText.length > 1 && (
        <Checkbox
          checked={everywhere}
          onChange={(e) => setEverywhere(e.target.checked)}
          style={{ marginTop: 16 }}
        >
          Áp dụng cho cả {sameText.length} chỗ văn bản ghi “{text}”
        </Checkbox>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
