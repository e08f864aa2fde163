import { Collapse, Empty, Flex, Tag, Typography } from 'antd';
import {
  ENTRY_PROGRESS_LABELS,
  type ReportDetail,
  type ReportEntry,
} from '../../../../shared/contracts/reporting';
import { EntryReviewBar, EntryReviewTag, ReturnedEntryEditor, ReturnedNote } from './EntryReview';
import { ReportEntryEditor } from './ReportEntryEditor';
import { ReportEntryView } from './ReportEntryView';
import type { EntryDraft } from './reportDraft';
import type { EntryErrors } from './submitChecks';
import { TaskStatusTag } from './TaskStatusTag';

interface Props {
  title: string;
  reportId: number;
  entries: ReportEntry[];
  /** Absent when the report is read-only. */
  editing?: {
    values: Record<number, EntryDraft>;
    onChange: (entryId: number, change: Partial<EntryDraft>) => void;
    errors: EntryErrors;
  };
  empty: string;
  /**
   * Each task folded to one line until opened. Used for supported tasks: an agency often supports
   * twenty tasks and answers on a few, and twenty open forms bury the ones it leads.
   */
  folded?: boolean;
  /** The sent report, read-only: each entry shows its review state and the review actions (issue 13, item 7). */
  review?: ReportDetail;
}

function excerpt(text: string): string {
  return text.length > 110 ? `${text.slice(0, 110)}…` : text;
}

/** "Nhiệm vụ chủ trì" or "Nhiệm vụ phối hợp": the tasks of one role, editable or read-only. */
export function ReportEntryGroup({ title, reportId, entries, editing, empty, folded, review }: Props) {
  const body = (entry: ReportEntry, embedded: boolean) => {
    const value = editing?.values[entry.id];
    return editing && value ? (
      <ReportEntryEditor
        key={entry.id}
        reportId={reportId}
        entry={entry}
        value={value}
        onChange={(change) => editing.onChange(entry.id, change)}
        errors={editing.errors[entry.id] ?? {}}
        embedded={embedded}
      />
    ) : review?.can.resubmitEntries && entry.review.state === 'returned' ? (
      <ReturnedEntryEditor key={entry.id} report={review} entry={entry} />
    ) : review ? (
      <div key={entry.id}>
        <EntryReviewBar report={review} entry={entry} />
        <ReturnedNote entry={entry} />
        <ReportEntryView entry={entry} embedded={embedded} />
      </div>
    ) : (
      <ReportEntryView key={entry.id} entry={entry} embedded={embedded} />
    );
  };

  return (
    <section aria-label={title} style={{ marginBottom: 24 }}>
      <Typography.Title level={4}>
        {title} ({entries.length})
      </Typography.Title>
      {entries.length === 0 && <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {folded && entries.length > 0 ? (
        <Collapse
          style={{ background: '#fff' }}
          items={entries.map((entry) => {
            const progress = editing?.values[entry.id]?.progress ?? entry.progress;
            return {
              key: entry.id,
              // Drawn while folded too, so a printed report shows every entry (print.css opens them).
              forceRender: true,
              label: (
                <Flex gap={8} wrap="wrap" align="center">
                  <Typography.Text strong>Nhiệm vụ {entry.task.ordinal}</Typography.Text>
                  <Typography.Text>{excerpt(entry.task.content)}</Typography.Text>
                </Flex>
              ),
              extra: (
                <Flex gap={4}>
                  {review && review.state !== 'draft' && <EntryReviewTag entry={entry} />}
                  {progress && <Tag>{ENTRY_PROGRESS_LABELS[progress]}</Tag>}
                  <TaskStatusTag status={entry.status} />
                </Flex>
              ),
              children: body(entry, true),
            };
          })}
        />
      ) : (
        entries.map((entry) => body(entry, false))
      )}
    </section>
  );
}
