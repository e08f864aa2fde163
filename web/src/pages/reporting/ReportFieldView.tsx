import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { FieldDef } from '../../../../shared/contracts/report-fields';
import { type Attachment, ENTRY_PROGRESS_LABELS } from '../../../../shared/contracts/reporting';
import { formatDate } from '../../lib/dates';
import { AttachmentLink } from './AttachmentField';
import { RichTextView } from './RichTextView';

/** Fields shown together in one row (report-fields.ts `group`): the row's label and how parts are joined. */
const GROUPS: Record<string, { label: string; separator: string; empty: ReactNode }> = {
  product: {
    label: 'Văn bản sản phẩm',
    separator: ' — ',
    empty: <Typography.Text type="secondary">Không có</Typography.Text>,
  },
  dispatch: { label: 'Công văn gửi kèm', separator: ' ', empty: 'Không có' },
};

const EMPTY = 'Không có';

/** The words for each stored value of a choice field, by field key. */
const CHOICE_LABELS: Record<string, Record<string, string>> = { progress: ENTRY_PROGRESS_LABELS };

/** Each file on a line of its own, or null when there is none. */
function fileLinks(v: unknown): ReactNode | null {
  const files = (v as Attachment[] | null) ?? [];
  if (files.length === 0) return null;
  return files.map((a) => (
    <div key={a.id}>
      <AttachmentLink attachment={a} />
    </div>
  ));
}

function textOf(f: FieldDef, v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (f.kind === 'date') return `ngày ${formatDate(v as string)}`;
  return String(v);
}

function single(f: FieldDef, v: unknown): ReactNode {
  if (f.kind === 'html') return <RichTextView value={v as string | null} />;
  if (f.kind === 'longtext') return <RichTextView value={v as string | null} empty={EMPTY} />;
  if (f.kind === 'files') return fileLinks(v) ?? EMPTY;
  if (f.kind === 'date') return v ? formatDate(v as string) : EMPTY;
  if (f.kind === 'choice') return v ? (CHOICE_LABELS[f.key]?.[v as string] ?? String(v)) : 'Chưa chọn';
  return v === null || v === undefined || v === '' ? EMPTY : String(v);
}

function grouped(fields: FieldDef[], values: Record<string, unknown>, empty: ReactNode, sep: string) {
  const text = fields
    .filter((f) => f.kind !== 'files')
    .map((f) => textOf(f, values[f.key]))
    .filter(Boolean)
    .join(sep);
  const files = fields.filter((f) => f.kind === 'files').map((f) => fileLinks(values[f.key]));
  const any = files.some((x) => x !== null);
  return (
    <>
      {text || (any ? null : empty)}
      {files}
    </>
  );
}

/**
 * Read-only rows (antd Descriptions items) for fields of a report-fields table, in table order: a
 * field alone by its kind, the fields of a group in one row where the first of them stands.
 */
export function fieldViewItems(fields: readonly FieldDef[], values: object) {
  const v = values as Record<string, unknown>;
  const items: { key: string; label: string; children: ReactNode }[] = [];
  const done = new Set<string>();
  for (const f of fields) {
    if (!f.group) {
      items.push({ key: f.key, label: f.label, children: single(f, v[f.key]) });
      continue;
    }
    if (done.has(f.group)) continue;
    done.add(f.group);
    const group = GROUPS[f.group] ?? { label: f.label, separator: ' — ', empty: EMPTY };
    const members = fields.filter((g) => g.group === f.group);
    items.push({
      key: f.group,
      label: group.label,
      children: grouped(members, v, group.empty, group.separator),
    });
  }
  return items;
}
