import { Flex, Typography } from 'antd';
import type { ReportEntry } from '../../../../shared/contracts/reporting';
import { DeadlineKindTag } from '../../components/DeadlineKindTag';
import { formatDate } from '../../lib/dates';
import { TaskStatusTag } from './TaskStatusTag';

/** What the task asks for, so the reporter need not open the plan beside the form. */
export function EntryTaskSummary({ entry }: { entry: ReportEntry }) {
  const t = entry.task;
  return (
    <Flex vertical gap={6} style={{ marginBottom: 12 }}>
      {t.group && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t.group}
        </Typography.Text>
      )}
      <Typography.Paragraph style={{ margin: 0 }}>{t.content}</Typography.Paragraph>
      <Flex gap={8} wrap="wrap" align="center">
        <Typography.Text type="secondary">Thời hạn:</Typography.Text>
        <span>{t.deadline.text || 'Không nêu'}</span>
        <DeadlineKindTag kind={t.deadline.kind} />
        {entry.status.dueDate && (
          <Typography.Text type="secondary">
            (hạn trong kỳ: {formatDate(entry.status.dueDate)})
          </Typography.Text>
        )}
        <Typography.Text type="secondary">· Trạng thái:</Typography.Text>
        <TaskStatusTag status={entry.status} />
      </Flex>
      {t.product && (
        <Typography.Text type="secondary">
          Sản phẩm theo kế hoạch: <Typography.Text>{t.product}</Typography.Text>
        </Typography.Text>
      )}
    </Flex>
  );
}
