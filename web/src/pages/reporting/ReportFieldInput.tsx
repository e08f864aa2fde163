import { Col, DatePicker, Form, Input, InputNumber } from 'antd';
import type { FieldDef } from '../../../../shared/contracts/report-fields';
import type { Attachment } from '../../../../shared/contracts/reporting';
import { DATE_FORMAT, formatDate, fromIsoDate, toIsoDate } from '../../lib/dates';
import { PrintValue } from '../../print/PrintValue';
import { AttachmentField } from './AttachmentField';
import { RichTextArea } from './RichTextArea';
import { RichTextView } from './RichTextView';
import { textToHtml } from './richText';

interface Props {
  field: FieldDef;
  /** The input's id (the label points at it). */
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  /** For a files field: the report they are uploaded to, and the upload button's accessible name. */
  reportId?: number;
  attachmentLabel?: string;
  error?: string | undefined;
}

/** The field's value as it prints: rich text formatted, dates dd/mm/yyyy, files by name. */
function printed(f: FieldDef, value: unknown) {
  if (value === null || value === undefined || value === '') return null;
  if (f.kind === 'html') return <RichTextView value={textToHtml(value as string)} />;
  if (f.kind === 'longtext') return <div style={{ whiteSpace: 'pre-wrap' }}>{value as string}</div>;
  if (f.kind === 'date') return formatDate(value as string);
  if (f.kind === 'files') {
    const files = value as Attachment[];
    return files.length ? files.map((a) => <div key={a.id}>{a.filename}</div>) : null;
  }
  return String(value);
}

/**
 * One field of the report-fields tables as a labelled input in a grid column, the widget chosen by its
 * kind: rich text, one line, a text box, a date, a number or a file. On paper the input gives way to its
 * value as text (PrintValue).
 */
export function ReportFieldInput({ field: f, id, value, onChange, reportId, attachmentLabel, error }: Props) {
  const help = error ? { validateStatus: 'error' as const, help: error } : {};
  const label = f.formLabel ?? f.label;
  const attachment = f.kind === 'files';
  return (
    <Col xs={24} md={f.span ?? 24}>
      <Form.Item label={label} htmlFor={attachment ? undefined : id} {...help}>
        <PrintValue empty={attachment ? 'Không có' : 'Chưa nhập'}>{printed(f, value)}</PrintValue>
        {f.kind === 'html' && (
          <RichTextArea id={id} value={value as string} onChange={onChange} placeholder={f.placeholder} />
        )}
        {f.kind === 'text' && (
          <Input
            id={id}
            value={value as string}
            maxLength={f.max}
            placeholder={f.placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        {f.kind === 'longtext' && (
          <Input.TextArea
            id={id}
            value={value as string}
            maxLength={f.max}
            placeholder={f.placeholder}
            autoSize={{ minRows: f.rows?.[0] ?? 2, maxRows: f.rows?.[1] ?? 10 }}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        {f.kind === 'date' && (
          <DatePicker
            id={id}
            format={DATE_FORMAT}
            placeholder="Chọn ngày"
            value={fromIsoDate(value as string | null)}
            onChange={(d) => onChange(toIsoDate(d))}
            // In a narrow column the picker fills it, as the inputs beside it do.
            style={(f.span ?? 24) < 12 ? { width: '100%' } : undefined}
          />
        )}
        {f.kind === 'number' && (
          <InputNumber
            id={id}
            value={value as number | null}
            placeholder={f.placeholder}
            onChange={(v) => onChange(v ?? null)}
            style={{ width: '100%' }}
          />
        )}
        {attachment && reportId !== undefined && (
          <AttachmentField
            reportId={reportId}
            value={(value as Attachment[] | null) ?? []}
            onChange={onChange}
            label={attachmentLabel ?? label}
          />
        )}
      </Form.Item>
    </Col>
  );
}

/** A table in the editor's order: table order, except a field with `formAfter` placed after that field. */
export function inFormOrder<F extends FieldDef>(fields: readonly F[]): F[] {
  const out = fields.filter((f) => f.formAfter === undefined);
  for (const f of fields) {
    if (f.formAfter === undefined) continue;
    const at = out.findIndex((g) => g.key === f.formAfter);
    out.splice(at < 0 ? out.length : at + 1, 0, f);
  }
  return out;
}

/** "dispatchNumber" → "dispatch-number", for element ids. */
export const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
