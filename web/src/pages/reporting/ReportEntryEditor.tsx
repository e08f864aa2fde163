import { Card, Col, DatePicker, Form, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { ENTRY_FIELDS } from '../../../../shared/contracts/report-fields';
import {
  ENTRY_PROGRESS,
  ENTRY_PROGRESS_LABELS,
  type ReportEntry,
} from '../../../../shared/contracts/reporting';
import { DATE_FORMAT, formatDate, fromIsoDate, toIsoDate } from '../../lib/dates';
import { PrintValue } from '../../print/PrintValue';
import { EntryTaskSummary } from './EntryTaskSummary';
import { inFormOrder, ReportFieldInput } from './ReportFieldInput';
import type { EntryDraft } from './reportDraft';

interface Props {
  reportId: number;
  entry: ReportEntry;
  value: EntryDraft;
  onChange: (change: Partial<EntryDraft>) => void;
  /** Messages from a refused submit, by field ("progress", "completedOn"). */
  errors: Record<string, string>;
  /** Inside a collapsible panel that already names the task: no card of its own. */
  embedded?: boolean;
}

const PROGRESS_OPTIONS = ENTRY_PROGRESS.map((p) => ({ value: p, label: ENTRY_PROGRESS_LABELS[p] }));

/**
 * Progress and completion date are laid out by hand (the date is asked for once the task is done);
 * every other field of the table is a labelled input chosen by its kind.
 */
const GENERIC = inFormOrder(ENTRY_FIELDS.filter((f) => f.key !== 'progress' && f.key !== 'completedOn'));

function help(message: string | undefined) {
  return message ? { validateStatus: 'error' as const, help: message } : {};
}

/** One task's answer. Every field saves itself; completion date is asked for once the task is done. */
export function ReportEntryEditor({ reportId, entry, value, onChange, errors, embedded }: Props) {
  const id = (field: string) => `entry-${entry.id}-${field}`;
  const title = `Nhiệm vụ ${entry.task.ordinal}`;
  const completedMissing = value.progress === 'completed' && !value.completedOn;

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
        <Form layout="vertical" component="div">
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Form.Item
                label="Tình hình thực hiện"
                required={entry.role === 'lead'}
                htmlFor={id('progress')}
                {...help(errors.progress)}
              >
                <PrintValue empty="Chưa chọn">
                  {value.progress && ENTRY_PROGRESS_LABELS[value.progress]}
                </PrintValue>
                <Radio.Group
                  id={id('progress')}
                  optionType="button"
                  buttonStyle="solid"
                  options={PROGRESS_OPTIONS}
                  value={value.progress}
                  onChange={(e) => {
                    const progress = e.target.value as EntryDraft['progress'];
                    // A date kept from "Hoàn thành" would mislead once the task is open again.
                    onChange(progress === 'completed' ? { progress } : { progress, completedOn: null });
                  }}
                />
              </Form.Item>
            </Col>
            {value.progress === 'completed' && (
              <Col xs={24} lg={10}>
                <Form.Item
                  label="Ngày hoàn thành"
                  required
                  htmlFor={id('completedOn')}
                  {...help(
                    errors.completedOn ?? (completedMissing ? 'Hãy chọn ngày hoàn thành.' : undefined),
                  )}
                >
                  <PrintValue empty="Chưa chọn">
                    {value.completedOn && formatDate(value.completedOn)}
                  </PrintValue>
                  <DatePicker
                    id={id('completedOn')}
                    format={DATE_FORMAT}
                    placeholder="Chọn ngày"
                    value={fromIsoDate(value.completedOn)}
                    onChange={(d) => onChange({ completedOn: toIsoDate(d) })}
                    disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Row gutter={16}>
            {GENERIC.map((f) => (
              <ReportFieldInput
                key={f.key}
                field={f}
                id={id(f.key)}
                value={value[f.key]}
                onChange={(v) => onChange({ [f.key]: v } as Partial<EntryDraft>)}
                reportId={reportId}
                attachmentLabel={`Tải tệp sản phẩm của ${title}`}
                error={errors[f.key]}
              />
            ))}
          </Row>
        </Form>
      </Card>
    </section>
  );
}
