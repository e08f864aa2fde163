import { Alert, Flex, Input, Modal, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { PlanTask } from '../../../../shared/contracts/plan-draft';
import type { ReviewDraft } from '../../../../shared/contracts/plan-import';
import { linkTasks } from '../../../../shared/domain/plan-import/hand-made';
import { readTaskSheet } from '../../../../shared/domain/plan-import/task-sheet';
import { DeadlineKindTag } from '../../components/DeadlineKindTag';
import { formatDeadlineDates } from '../../lib/deadlines';
import { useReviewTools } from './ReviewContext';
import { useRegistry } from './useRegistry';

interface Props {
  draft: ReviewDraft;
  open: boolean;
  onClose: () => void;
}

/**
 * "Dán từ bảng tính": rows copied from Excel or LibreOffice, read as the plan's task table (header row
 * optional, "I" / "II. …" rows open a group), shown as understood before they are added. Each row that
 * cannot be read is named by its row and column; the agencies are matched to the registry as an import's.
 */
export function TaskSheetPaste({ draft, open, onClose }: Props) {
  const { update } = useReviewTools();
  const { registry } = useRegistry();
  const [text, setText] = useState('');
  const lastGroup = draft.tasks[draft.tasks.length - 1]?.group ?? null;
  const sheet = useMemo(() => (text.trim() ? readTaskSheet(text, lastGroup) : null), [text, lastGroup]);
  const tasks = sheet?.tasks ?? [];
  const close = () => {
    setText('');
    onClose();
  };
  return (
    <Modal
      open={open}
      title="Dán bảng nhiệm vụ từ bảng tính"
      width={1000}
      okText={tasks.length > 0 ? `Thêm ${tasks.length} nhiệm vụ` : 'Thêm nhiệm vụ'}
      okButtonProps={{ disabled: tasks.length === 0 }}
      cancelText="Đóng"
      onCancel={close}
      onOk={() => {
        update((d) => ({ ...d, tasks: [...d.tasks, ...linkTasks(tasks, registry, d.issuedOn)] }));
        close();
      }}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Chọn các dòng của bảng trong Excel hoặc LibreOffice (có thể gồm dòng tiêu đề cột), sao chép rồi dán
          vào ô dưới. Thứ tự cột khi không có tiêu đề: STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |
          Thời gian hoàn thành | Sản phẩm. Dòng “I”, “II. Tên nhóm …” mở một nhóm nhiệm vụ.
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="Bảng nhiệm vụ dán từ bảng tính"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 4, maxRows: 10 }}
          placeholder="Dán các dòng của bảng vào đây (Ctrl+V)"
          style={{ fontFamily: 'monospace' }}
        />
        {sheet && sheet.problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={`${sheet.problems.length} dòng cần xem lại`}
            description={
              <ul aria-label="Các dòng cần xem lại" style={{ margin: 0, paddingInlineStart: 20 }}>
                {sheet.problems.map((p) => (
                  <li key={`${p.row}-${p.column ?? ''}`}>
                    {p.message}
                    {p.kept ? ' (vẫn thêm, sửa sau)' : ' (bỏ qua dòng này)'}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {sheet && (
          <Typography.Text>
            {sheet.headerRow
              ? `Dòng ${sheet.headerRow} là tiêu đề cột. `
              : 'Không có dòng tiêu đề: đọc theo thứ tự cột thường dùng. '}
            Đọc được {tasks.length} nhiệm vụ.
          </Typography.Text>
        )}
        {tasks.length > 0 && (
          <Table<PlanTask & { key: number }>
            size="small"
            aria-label="Nhiệm vụ đọc được"
            dataSource={tasks.map((t, key) => ({ ...t, key }))}
            pagination={false}
            scroll={{ y: 320, x: 860 }}
            columns={[
              { title: 'Nhóm', dataIndex: 'group', width: 160, render: (g: string | null) => g ?? '—' },
              { title: 'STT', dataIndex: 'ordinal', width: 56 },
              { title: 'Nội dung', dataIndex: 'content' },
              { title: 'Chủ trì', dataIndex: 'lead', width: 160 },
              {
                title: 'Thời hạn (hệ thống hiểu là)',
                width: 230,
                render: (_: unknown, t: PlanTask) => (
                  <Flex vertical gap={2}>
                    <span>{t.deadline.text || '—'}</span>
                    <Flex gap={4} align="center" wrap="wrap">
                      <DeadlineKindTag kind={t.deadline.kind} />
                      <Typography.Text type="secondary">{formatDeadlineDates(t.deadline)}</Typography.Text>
                    </Flex>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Flex>
    </Modal>
  );
}
