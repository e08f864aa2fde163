import { Card, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import {
  ENTRY_PROGRESS,
  ENTRY_PROGRESS_LABELS,
  type ReportEntry,
} from '../../../../shared/contracts/reporting';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { AttachmentField } from './AttachmentField';
import { EntryTaskSummary } from './EntryTaskSummary';
import { RichTextArea } from './RichTextArea';
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
          <Form.Item label="Kết quả thực hiện" htmlFor={id('result')}>
            <RichTextArea
              id={id('result')}
              value={value.result}
              onChange={(result) => onChange({ result })}
              placeholder="Những việc đã làm, kết quả đạt được, số liệu cụ thể…"
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="Số văn bản sản phẩm" htmlFor={id('productNumber')}>
                <Input
                  id={id('productNumber')}
                  value={value.productNumber}
                  maxLength={200}
                  placeholder="Ví dụ: 123/QĐ-UBND"
                  onChange={(e) => onChange({ productNumber: e.target.value })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Ngày văn bản" htmlFor={id('productDate')}>
                <DatePicker
                  id={id('productDate')}
                  format={DATE_FORMAT}
                  placeholder="Chọn ngày"
                  value={fromIsoDate(value.productDate)}
                  onChange={(d) => onChange({ productDate: toIsoDate(d) })}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Tệp văn bản sản phẩm">
                <AttachmentField
                  reportId={reportId}
                  value={value.attachment}
                  onChange={(attachment) => onChange({ attachment })}
                  label={`Tải tệp sản phẩm của ${title}`}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="Trích yếu sản phẩm" htmlFor={id('productSummary')}>
            <Input.TextArea
              id={id('productSummary')}
              value={value.productSummary}
              maxLength={5000}
              autoSize={{ minRows: 1, maxRows: 6 }}
              onChange={(e) => onChange({ productSummary: e.target.value })}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="Khó khăn, vướng mắc" htmlFor={id('difficulties')}>
                <Input.TextArea
                  id={id('difficulties')}
                  value={value.difficulties}
                  autoSize={{ minRows: 2, maxRows: 10 }}
                  onChange={(e) => onChange({ difficulties: e.target.value })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Kiến nghị, đề xuất" htmlFor={id('proposals')}>
                <Input.TextArea
                  id={id('proposals')}
                  value={value.proposals}
                  autoSize={{ minRows: 2, maxRows: 10 }}
                  onChange={(e) => onChange({ proposals: e.target.value })}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
    </section>
  );
}
