import { Card, Descriptions, Typography } from 'antd';
import { ENTRY_PROGRESS_LABELS, type ReportEntry } from '../../../../shared/contracts/reporting';
import { formatDate } from '../../lib/dates';
import { AttachmentLink } from './AttachmentField';
import { EntryTaskSummary } from './EntryTaskSummary';
import { RichTextView } from './RichTextView';

const none = <Typography.Text type="secondary">Không có</Typography.Text>;

/** One task's answer, read-only (sent, accepted, or read by the coordinator and leaders). */
export function ReportEntryView({ entry, embedded }: { entry: ReportEntry; embedded?: boolean }) {
  const title = `Nhiệm vụ ${entry.task.ordinal}`;
  const product = [
    entry.productNumber,
    entry.productDate ? `ngày ${formatDate(entry.productDate)}` : null,
    entry.productSummary,
  ]
    .filter(Boolean)
    .join(' — ');
  return (
    <section aria-label={title}>
      <Card
        size="small"
        title={embedded ? undefined : title}
        variant={embedded ? 'borderless' : 'outlined'}
        style={{ marginBottom: embedded ? 0 : 16 }}
        styles={embedded ? { body: { padding: 0 } } : undefined}
      >
        <EntryTaskSummary entry={entry} />
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { width: 190 } }}
          items={[
            {
              key: 'progress',
              label: 'Tình hình thực hiện',
              children: entry.progress ? ENTRY_PROGRESS_LABELS[entry.progress] : 'Chưa chọn',
            },
            ...(entry.completedOn
              ? [{ key: 'completedOn', label: 'Ngày hoàn thành', children: formatDate(entry.completedOn) }]
              : []),
            { key: 'result', label: 'Kết quả thực hiện', children: <RichTextView value={entry.result} /> },
            {
              key: 'product',
              label: 'Văn bản sản phẩm',
              children: (
                <>
                  {product || (entry.attachment ? null : none)}
                  {entry.attachment && (
                    <div>
                      <AttachmentLink attachment={entry.attachment} />
                    </div>
                  )}
                </>
              ),
            },
            {
              key: 'difficulties',
              label: 'Khó khăn, vướng mắc',
              children: <RichTextView value={entry.difficulties} empty="Không có" />,
            },
            {
              key: 'proposals',
              label: 'Kiến nghị, đề xuất',
              children: <RichTextView value={entry.proposals} empty="Không có" />,
            },
          ]}
        />
      </Card>
    </section>
  );
}
