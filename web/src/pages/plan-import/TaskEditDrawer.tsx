import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Form, Input, Popconfirm } from 'antd';
import type { ReviewDraft, ReviewTask } from '../../../../shared/contracts/plan-import';
import { AgencyCellField } from './AgencyCellField';
import { DeadlineEditor } from './DeadlineEditor';
import { patchTask, removeTask } from './draftUpdates';
import { useReviewTools } from './ReviewContext';
import { leadingWords } from './sourceSearch';

interface Props {
  draft: ReviewDraft;
  index: number;
  onNavigate: (index: number) => void;
  onClose: () => void;
}

/**
 * Every field of one task row. Changes apply to the draft at once (nothing to "apply"); the draft as a whole
 * is saved with "Lưu nháp". Previous/next buttons let the officer walk through the table without closing.
 */
export function TaskEditDrawer({ draft, index, onNavigate, onClose }: Props) {
  const { update, readOnly, showInSource } = useReviewTools();
  const task = draft.tasks[index];
  if (!task) return null;
  const patch = (p: Partial<ReviewTask>) => update(patchTask(index, p));
  const last = draft.tasks.length - 1;

  return (
    <Drawer
      open
      onClose={onClose}
      size={560}
      // No dimming: the original text on the left stays readable (and searchable) while a row is edited.
      mask={false}
      title={`Nhiệm vụ ${task.ordinal}`}
      extra={
        <Flex gap={4}>
          <Button icon={<LeftOutlined />} disabled={index === 0} onClick={() => onNavigate(index - 1)}>
            Trước
          </Button>
          <Button disabled={index === last} onClick={() => onNavigate(index + 1)}>
            Sau <RightOutlined />
          </Button>
        </Flex>
      }
      footer={
        <Flex justify="space-between">
          <Button onClick={() => showInSource({ phrase: leadingWords(task.content) })}>
            Tìm trong văn bản gốc
          </Button>
          {!readOnly && (
            <Popconfirm
              title="Bỏ nhiệm vụ này khỏi bản nháp?"
              description="Dùng khi hệ thống đọc nhầm một dòng không phải nhiệm vụ."
              okText="Bỏ nhiệm vụ"
              cancelText="Không"
              onConfirm={() => {
                update(removeTask(index));
                onClose();
              }}
            >
              <Button danger>Bỏ nhiệm vụ</Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      <Form layout="vertical" disabled={readOnly}>
        <Flex gap={12}>
          <Form.Item htmlFor="task-tt" label="TT" style={{ width: 90 }}>
            <Input id="task-tt" value={task.ordinal} onChange={(e) => patch({ ordinal: e.target.value })} />
          </Form.Item>
          <Form.Item htmlFor="task-nhom-nhiem-vu" label="Nhóm nhiệm vụ" style={{ flex: 1 }}>
            <Input
              id="task-nhom-nhiem-vu"
              value={task.group ?? ''}
              placeholder="Không thuộc nhóm nào"
              onChange={(e) => patch({ group: e.target.value.trim() ? e.target.value : null })}
            />
          </Form.Item>
        </Flex>
        <Form.Item htmlFor="task-noi-dung-cong-viec" label="Nội dung công việc">
          <Input.TextArea
            id="task-noi-dung-cong-viec"
            value={task.content}
            autoSize={{ minRows: 3, maxRows: 10 }}
            onChange={(e) => patch({ content: e.target.value })}
          />
        </Form.Item>
        <Form.Item
          label="Cơ quan chủ trì"
          extra="Sửa chữ rồi bấm Enter: hệ thống tách tên và đề xuất lại cơ quan. Bấm vào thẻ để chọn cơ quan khác."
        >
          <AgencyCellField
            key={`lead-${index}`}
            label="Cơ quan chủ trì"
            text={task.lead}
            links={task.leads}
            slotOf={(i) => ({ kind: 'lead', task: index, index: i })}
            emptyNote={{ text: 'Chưa có cơ quan chủ trì', warning: true }}
            onChange={(lead, leads) => patch({ lead, leads })}
          />
        </Form.Item>
        <Form.Item label="Cơ quan phối hợp">
          <AgencyCellField
            key={`coordinators-${index}`}
            label="Cơ quan phối hợp"
            text={task.coordinators.join(', ')}
            links={task.coordinatorLinks}
            slotOf={(i) => ({ kind: 'coordinator', task: index, index: i })}
            emptyNote={{ text: 'Không có cơ quan phối hợp', warning: false }}
            // The corrected cell is kept as one text; its agencies are the links below it.
            onChange={(text, coordinatorLinks) =>
              patch({ coordinators: text.trim() ? [text] : [], coordinatorLinks })
            }
          />
        </Form.Item>
        <Form.Item htmlFor="task-san-pham" label="Sản phẩm">
          <Input
            id="task-san-pham"
            value={task.product ?? ''}
            placeholder="Không nêu"
            onChange={(e) => patch({ product: e.target.value.trim() ? e.target.value : null })}
          />
        </Form.Item>
        <Form.Item label="Thời hạn hoàn thành">
          <DeadlineEditor
            value={task.deadline}
            readOnly={readOnly}
            onChange={(deadline) => patch({ deadline })}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
