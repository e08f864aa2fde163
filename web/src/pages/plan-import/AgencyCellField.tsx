import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { AgencyLinkDraft } from '../../../../shared/contracts/plan-import';
import { proposeResolution, relinkCell } from './agencyProposal';
import type { AgencySlot } from './agencySlots';
import { ResolutionTag } from './ResolutionTag';
import { useReviewTools } from './ReviewContext';
import { useRegistry } from './useRegistry';

interface Props {
  label: string;
  /** The cell as the document writes it, e.g. two agency names separated by a comma. */
  text: string;
  /** The agencies that text names, each with its registry link. */
  links: AgencyLinkDraft[];
  slotOf: (index: number) => AgencySlot;
  /** What to say when the cell names nobody; a task without a lead is itself a point to check. */
  emptyNote: { text: string; warning: boolean };
  onChange: (text: string, links: AgencyLinkDraft[]) => void;
}

/**
 * A cell naming one or more agencies. Correcting the text splits it again as the importer does (names already
 * linked keep their link); each agency's tag opens the link editor, and a wrongly split piece can be dropped.
 * Remount it (key) when it should show another cell: the text box keeps what is being typed locally.
 */
export function AgencyCellField({ label, text, links, slotOf, emptyNote, onChange }: Props) {
  const { readOnly } = useReviewTools();
  const { registry } = useRegistry();
  const [typed, setTyped] = useState(text);
  // A name to add by hand, e.g. when the splitter kept two agencies together; null = not adding.
  const [adding, setAdding] = useState<string | null>(null);
  const commit = () => {
    if (typed !== text) onChange(typed, relinkCell(typed, links, registry));
  };
  const add = () => {
    const name = adding?.trim() ?? '';
    if (name) onChange(text, [...links, { text: name, resolution: proposeResolution(name, registry) }]);
    setAdding(null);
  };

  return (
    <Flex vertical gap={6} style={{ width: '100%' }}>
      <Input.TextArea
        aria-label={label}
        value={typed}
        readOnly={readOnly}
        autoSize={{ minRows: 1, maxRows: 4 }}
        onChange={(e) => setTyped(e.target.value)}
        onBlur={commit}
        onPressEnter={(e) => {
          // Enter confirms the cell (names are one line); the box is only multi-line to show long names.
          e.preventDefault();
          commit();
        }}
      />
      <Flex vertical gap={2} align="flex-start">
        {links.length === 0 && (
          <Typography.Text type={emptyNote.warning ? 'warning' : 'secondary'}>
            {emptyNote.text}
          </Typography.Text>
        )}
        {links.map((link, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: links are positions in the cell; the same name may repeat
          <Flex key={i} gap={4} align="center">
            <ResolutionTag text={link.text} resolution={link.resolution} slot={slotOf(i)} />
            {!readOnly && (
              <Tooltip title="Bỏ cơ quan này khỏi ô (khi hệ thống tách tên sai)">
                <Button
                  size="small"
                  type="text"
                  icon={<CloseOutlined />}
                  aria-label={`Bỏ “${link.text}”`}
                  onClick={() =>
                    onChange(
                      text,
                      links.filter((_, j) => j !== i),
                    )
                  }
                />
              </Tooltip>
            )}
          </Flex>
        ))}
      </Flex>
      {!readOnly &&
        (adding === null ? (
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => setAdding('')}
            style={{ alignSelf: 'flex-start' }}
          >
            Thêm cơ quan
          </Button>
        ) : (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              // The officer just asked to type a name here.
              autoFocus
              aria-label={`Tên cơ quan thêm vào ${label.toLowerCase()}`}
              placeholder="Tên cơ quan như văn bản ghi"
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              onPressEnter={add}
            />
            <Button type="primary" onClick={add}>
              Thêm
            </Button>
            <Button onClick={() => setAdding(null)}>Hủy</Button>
          </Space.Compact>
        ))}
    </Flex>
  );
}
