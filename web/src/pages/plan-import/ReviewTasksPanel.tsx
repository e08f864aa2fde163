import { PlusOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Flex, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewDraft } from '../../../../shared/contracts/plan-import';
import { appendTask } from './draftUpdates';
import { useReviewTools } from './ReviewContext';
import { reviewTaskColumns, type TaskRow } from './reviewTaskColumns';
import { leadingWords } from './sourceSearch';
import { TaskEditDrawer } from './TaskEditDrawer';
import { TaskGroupsEditor } from './TaskGroupsEditor';
import { TaskSheetPaste } from './TaskSheetPaste';
import { taskNeedsCheck } from './uncertainty';

/** The appendix table "Danh mục nhiệm vụ", row by row; doubtful cells are tinted, a click edits the row. */
export function ReviewTasksPanel({ draft }: { draft: ReviewDraft }) {
  const { readOnly, update, showInSource, handMade } = useReviewTools();
  const [editing, setEditing] = useState<number | null>(null);
  const [pasting, setPasting] = useState(false);
  const [onlyDoubtful, setOnlyDoubtful] = useState(false);
  const rows: TaskRow[] = draft.tasks.map((task, index) => ({ index, task }));
  const doubtful = rows.filter((r) => taskNeedsCheck(r.task));
  const shown = onlyDoubtful ? doubtful : rows;

  return (
    <>
      {handMade && <TaskGroupsEditor draft={draft} onAdded={setEditing} />}
      <Flex justify="space-between" align="center" wrap="wrap" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text>
          {draft.tasks.length} nhiệm vụ
          {doubtful.length > 0 && (
            <Typography.Text type="warning">, {doubtful.length} nhiệm vụ có mục cần kiểm tra</Typography.Text>
          )}
        </Typography.Text>
        <Flex gap={12} align="center" wrap="wrap">
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={onlyDoubtful}
              onChange={setOnlyDoubtful}
              aria-label="Chỉ hiện nhiệm vụ cần kiểm tra"
            />
            <span>Chỉ hiện nhiệm vụ cần kiểm tra</span>
          </Flex>
          {!readOnly && handMade && (
            <Button size="small" type="primary" icon={<TableOutlined />} onClick={() => setPasting(true)}>
              Dán từ bảng tính
            </Button>
          )}
          {!readOnly && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => {
                update(appendTask());
                setEditing(draft.tasks.length);
              }}
            >
              Thêm nhiệm vụ
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<TaskRow>
        rowKey="index"
        size="small"
        columns={reviewTaskColumns({
          onLocate: (t) => showInSource({ phrase: leadingWords(t.content) }),
          onShowLines: (fromLine) => showInSource({ line: fromLine }),
        })}
        dataSource={shown}
        scroll={{ x: 840 }}
        onRow={(r) => ({
          onClick: () => setEditing(r.index),
          style: { cursor: 'pointer' },
          'aria-label': `Nhiệm vụ ${r.task.ordinal}: bấm để ${readOnly ? 'xem' : 'sửa'}`,
        })}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText: onlyDoubtful
            ? 'Không còn nhiệm vụ nào cần kiểm tra'
            : handMade
              ? 'Chưa có nhiệm vụ: thêm từng nhiệm vụ, hoặc dán bảng nhiệm vụ từ Excel'
              : 'Không đọc được bảng nhiệm vụ; có thể thêm nhiệm vụ bằng tay',
        }}
      />
      {handMade && <TaskSheetPaste draft={draft} open={pasting} onClose={() => setPasting(false)} />}
      {editing !== null && (
        <TaskEditDrawer
          draft={draft}
          index={editing}
          onNavigate={setEditing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
