import { FileTextOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import {
  TASK_REQUEST_STATE_LABELS,
  type TaskRequestView,
} from '../../../../../shared/contracts/task-requests';
import { taskRequestFileUrl } from '../../../api/taskRequests';
import { formatDateTime } from '../../../lib/dates';

const STATE_COLORS = { pending: 'gold', approved: 'green', refused: 'red' } as const;

/** One request: what was asked, by whom and why, its outcome, and the coordinator's buttons. */
export function RequestItem({
  r,
  showTask,
  onDecide,
}: {
  r: TaskRequestView;
  showTask?: boolean;
  onDecide: (decision: 'approve' | 'refuse') => void;
}) {
  return (
    <Flex vertical gap={4} data-testid="task-request">
      <Flex gap={8} wrap="wrap" align="baseline">
        <Tag color={STATE_COLORS[r.state]}>{TASK_REQUEST_STATE_LABELS[r.state]}</Tag>
        <Typography.Text strong>{r.summary}</Typography.Text>
        <Typography.Text type="secondary">
          {r.organisation.name} · {formatDateTime(r.at)}
          {r.by ? ` · ${r.by}` : ''}
        </Typography.Text>
      </Flex>
      {showTask && (
        <Typography.Text>
          <Typography.Text type="secondary">Nhiệm vụ {r.task.ordinal}: </Typography.Text>
          {r.task.content.length > 160 ? `${r.task.content.slice(0, 160)}…` : r.task.content}
          <Typography.Text type="secondary">
            {' '}
            (thời hạn hiện hành: {r.task.deadline || 'không nêu'})
          </Typography.Text>
        </Typography.Text>
      )}
      <Typography.Text>
        <Typography.Text type="secondary">Lý do: </Typography.Text>
        {r.reason}
      </Typography.Text>
      {r.file && (
        <Typography.Text>
          <Typography.Text type="secondary">Văn bản đề nghị: </Typography.Text>
          <a href={taskRequestFileUrl(r.id)} download>
            <FileTextOutlined /> {r.file.filename}
          </a>
        </Typography.Text>
      )}
      {r.decision && (
        <Typography.Text>
          <Typography.Text type="secondary">
            {r.state === 'approved' ? 'Chấp thuận' : 'Không chấp thuận'} {formatDateTime(r.decision.at)}
            {r.decision.by ? ` · ${r.decision.by}` : ''}
            {r.decision.reason ? ': ' : ''}
          </Typography.Text>
          {r.decision.reason}
          {r.revisionId !== null && (
            <Typography.Text type="secondary"> — đã sửa kế hoạch (xem lịch sử thay đổi).</Typography.Text>
          )}
        </Typography.Text>
      )}
      {r.canDecide && (
        <Flex gap={8} style={{ marginTop: 4 }}>
          <Button type="primary" size="small" onClick={() => onDecide('approve')}>
            Chấp thuận
          </Button>
          <Button danger size="small" onClick={() => onDecide('refuse')}>
            Không chấp thuận
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
