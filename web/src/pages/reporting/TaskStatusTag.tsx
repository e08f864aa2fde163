import { Tag, Tooltip } from 'antd';
import type { TaskStatusView } from '../../../../shared/contracts/reporting';
import { TASK_STATUS_COLORS, TASK_STATUS_LABELS } from '../../../../shared/domain/task-status';

/** The Government Office's category, with the server's reason ("hạn 31/12/2024, quá 5 ngày") on hover. */
export function TaskStatusTag({ status }: { status: TaskStatusView }) {
  return (
    <Tooltip title={status.reason || undefined}>
      <Tag color={TASK_STATUS_COLORS[status.code]}>{TASK_STATUS_LABELS[status.code]}</Tag>
    </Tooltip>
  );
}
