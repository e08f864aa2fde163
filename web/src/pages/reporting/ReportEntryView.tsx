import { Card, Descriptions } from 'antd';
import { ENTRY_FIELDS } from '../../../../shared/contracts/report-fields';
import { ENTRY_PROGRESS_LABELS, type ReportEntry } from '../../../../shared/contracts/reporting';
import { formatDate } from '../../lib/dates';
import { EntryTaskSummary } from './EntryTaskSummary';
import { fieldViewItems } from './ReportFieldView';

/** Progress and completion date are shown by hand; the other fields of the table by their kind. */
const GENERIC = ENTRY_FIELDS.filter((f) => f.key !== 'progress' && f.key !== 'completedOn');

/** One task's answer, read-only (sent, accepted, or read by the coordinator and leaders). */
export function ReportEntryView({ entry, embedded }: { entry: ReportEntry; embedded?: boolean }) {
  const title = `Nhiệm vụ ${entry.task.ordinal}`;
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
            ...fieldViewItems(GENERIC, entry),
          ]}
        />
      </Card>
    </section>
  );
}
