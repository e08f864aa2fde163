import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewDraft } from '../../../../shared/contracts/plan-import';
import { appendTask } from './draftUpdates';
import { useReviewTools } from './ReviewContext';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/** One group's heading, renamed on every task under it when the officer leaves the box. */
function GroupName({ label }: { label: string }) {
  const { update, readOnly } = useReviewTools();
  const [typed, setTyped] = useState(label);
  const rename = () => {
    const next = typed.trim();
    if (next === '' || next === label) return setTyped(label);
    update((d) => ({ ...d, tasks: d.tasks.map((t) => (t.group === label ? { ...t, group: next } : t)) }));
  };
  return (
    <Input
      aria-label={`Tên nhóm ${label}`}
      value={typed}
      readOnly={readOnly}
      onChange={(e) => setTyped(e.target.value)}
      onBlur={rename}
      onPressEnter={rename}
    />
  );
}

/**
 * The task groups (mục I, II, …) of a hand-made plan. A group is the heading its tasks carry, as in an
 * imported table; a new group starts with its first task, opened for editing.
 */
export function TaskGroupsEditor({
  draft,
  onAdded,
}: {
  draft: ReviewDraft;
  onAdded: (index: number) => void;
}) {
  const { update, readOnly } = useReviewTools();
  const [title, setTitle] = useState('');
  const groups = [...new Set(draft.tasks.flatMap((t) => (t.group ? [t.group] : [])))];
  const add = () => {
    if (!title.trim()) return;
    const label = `${ROMAN[groups.length] ?? groups.length + 1}. ${title.trim()}`;
    const index = draft.tasks.length;
    update((d) => {
      const withTask = appendTask()(d);
      return {
        ...withTask,
        tasks: withTask.tasks.map((t, i) => (i === index ? { ...t, group: label, ordinal: '1' } : t)),
      };
    });
    setTitle('');
    onAdded(index);
  };
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16, maxWidth: 760 }}>
      <Typography.Text strong>Nhóm nhiệm vụ</Typography.Text>
      {groups.length === 0 && (
        <Typography.Text type="secondary">
          Chưa có nhóm: các nhiệm vụ nằm chung một danh sách.
        </Typography.Text>
      )}
      {groups.map((g) => (
        <GroupName key={g} label={g} />
      ))}
      {!readOnly && (
        <Flex gap={8}>
          <Input
            aria-label="Tên nhóm mới"
            placeholder={`Tên nhóm mới (thành mục ${ROMAN[groups.length] ?? groups.length + 1})`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            onPressEnter={add}
          />
          <Button icon={<PlusOutlined />} onClick={add} disabled={!title.trim()}>
            Thêm nhóm
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
