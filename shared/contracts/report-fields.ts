import { z } from 'zod';
import { isoDateSchema } from './primitives';

/**
 * The fields an agency fills in on its report, one table per level: the report as a whole and each
 * task's entry. Everything that is a mechanical copy per field is derived from these tables: the
 * request/response fields of the contract (shared/contracts/reporting.ts), the labels
 * (field-labels.ts), the save mapping (server/modules/reporting/report-entries.ts), the row → view
 * mapping, the version snapshot and its diff, the client's draft and the generic inputs and read-only
 * rows of the editor and view. Adding a field = migration + server/db/schema.ts + one line here.
 * The order of each table is the order on screen and in the version comparison.
 */

/**
 * html: sanitised rich text (RichTextArea); text: one line; longtext: a text area; date: 'YYYY-MM-DD';
 * number: a number; files: the product files of an entry, any number (special widget, saved as
 * `saveKey`: the ids of the files the entry keeps; stored in report_entry_files, not a column);
 * choice: the progress radio (special widget, values in reporting.ts).
 */
export type FieldKind = 'html' | 'text' | 'longtext' | 'date' | 'number' | 'files' | 'choice';

export interface FieldDef {
  /** The key in the API (request and response) and in the client's draft. */
  readonly key: string;
  /** The database column (reports or report_entries); for `files`, the table holding the links. */
  readonly column: string;
  /** The Vietnamese name: version comparison, "not saved" panel, error messages, read-only view. */
  readonly label: string;
  readonly kind: FieldKind;
  /** Longest accepted text (html, text, longtext): "Tối đa N ký tự". */
  readonly max?: number;
  /** The request key when it differs from `key` (files are sent as their ids). */
  readonly saveKey?: string;
  /** The label in the editor when it says it differently from `label` (shorter, or more precise). */
  readonly formLabel?: string;
  readonly placeholder?: string;
  /** Width in the editor from the md breakpoint up, in 24ths (default: the whole line). */
  readonly span?: number;
  /** In the editor, placed right after this field rather than in table order. */
  readonly formAfter?: string;
  /** Lines of a longtext box: [min, max]. */
  readonly rows?: readonly [number, number];
  /** Fields shown together in one row of the read-only view (e.g. a document's number and date). */
  readonly group?: string;
}

// biome-ignore format: one line per field
export const REPORT_FIELDS = [
  { key: 'summary', column: 'summary', label: 'Tóm tắt kết quả', kind: 'html', max: 50_000, placeholder: 'Kết quả nổi bật của cơ quan trong kỳ báo cáo' },
  { key: 'difficulties', column: 'difficulties', label: 'Khó khăn, vướng mắc chung', kind: 'longtext', max: 20_000, span: 12, rows: [3, 12] },
  { key: 'proposals', column: 'proposals', label: 'Kiến nghị, đề xuất chung', kind: 'longtext', max: 20_000, span: 12, rows: [3, 12] },
  { key: 'dispatchNumber', column: 'dispatch_number', label: 'Số công văn', kind: 'text', max: 100, formLabel: 'Số công văn gửi kèm', placeholder: 'Ví dụ: 456/STC-KHĐT', span: 12, group: 'dispatch' },
  { key: 'dispatchDate', column: 'dispatch_date', label: 'Ngày công văn', kind: 'date', span: 12, group: 'dispatch' },
] as const satisfies readonly FieldDef[];

// biome-ignore format: one line per field
export const ENTRY_FIELDS = [
  { key: 'progress', column: 'progress', label: 'Tình hình thực hiện', kind: 'choice' },
  { key: 'completedOn', column: 'completed_on', label: 'Ngày hoàn thành', kind: 'date' },
  { key: 'result', column: 'result', label: 'Kết quả thực hiện', kind: 'html', max: 100_000, placeholder: 'Những việc đã làm, kết quả đạt được, số liệu cụ thể…' },
  { key: 'productNumber', column: 'product_number', label: 'Số văn bản sản phẩm', kind: 'text', max: 200, placeholder: 'Ví dụ: 123/QĐ-UBND', span: 8, group: 'product' },
  { key: 'productDate', column: 'product_date', label: 'Ngày văn bản sản phẩm', kind: 'date', formLabel: 'Ngày văn bản', span: 8, group: 'product' },
  { key: 'productSummary', column: 'product_summary', label: 'Trích yếu sản phẩm', kind: 'longtext', max: 5000, rows: [1, 6], group: 'product' },
  { key: 'files', column: 'report_entry_files', label: 'Tệp sản phẩm', kind: 'files', saveKey: 'attachmentIds', formLabel: 'Tệp văn bản sản phẩm', span: 8, formAfter: 'productDate', group: 'product' },
  { key: 'difficulties', column: 'difficulties', label: 'Khó khăn, vướng mắc', kind: 'longtext', max: 20_000, span: 12, rows: [2, 10] },
  { key: 'proposals', column: 'proposals', label: 'Kiến nghị, đề xuất', kind: 'longtext', max: 20_000, span: 12, rows: [2, 10] },
] as const satisfies readonly FieldDef[];

export type ReportFieldDef = (typeof REPORT_FIELDS)[number];
export type EntryFieldDef = (typeof ENTRY_FIELDS)[number];

// ---------------------------------------------------------------- derivations

type Special = 'files' | 'choice';
type ViewZod<K extends FieldKind> = K extends 'number'
  ? z.ZodNullable<z.ZodNumber>
  : z.ZodNullable<z.ZodString>;
type SaveZod<K extends FieldKind> = z.ZodOptional<ViewZod<K>>;
type SaveKeyOf<F extends FieldDef> = F extends { saveKey: infer S extends string } ? S : F['key'];

/** Schemas for the fields whose kind has no generic one (files, choice), by key. */
type Specials<Fs extends readonly FieldDef[]> = {
  [F in Fs[number] as F['kind'] extends Special ? F['key'] : never]: z.ZodType;
};

/** The response / snapshot fields of a table, in its order: `{ key: schema | null }`. */
export type ViewShape<Fs extends readonly FieldDef[], S extends Specials<Fs>> = {
  [F in Fs[number] as F['key']]: F['key'] extends keyof S ? S[F['key']] : ViewZod<F['kind']>;
};
/** The request fields of a table: omitted = unchanged, null = cleared. */
export type SaveShape<Fs extends readonly FieldDef[], S extends Record<string, z.ZodType>> = {
  [F in Fs[number] as SaveKeyOf<F>]: SaveKeyOf<F> extends keyof S ? S[SaveKeyOf<F>] : SaveZod<F['kind']>;
};

const maxText = (max: number) => z.string().max(max, `Tối đa ${max} ký tự`);

function viewZod(kind: FieldKind): z.ZodType {
  if (kind === 'date') return isoDateSchema.nullable();
  if (kind === 'number') return z.number().nullable();
  return z.string().nullable();
}

function saveZod(f: FieldDef): z.ZodType {
  if (f.kind === 'date') return isoDateSchema.nullable().optional();
  if (f.kind === 'number') return z.number().nullable().optional();
  return (f.max === undefined ? z.string() : maxText(f.max)).nullable().optional();
}

export const saveKeyOf = (f: FieldDef): string => f.saveKey ?? f.key;

function specialOf(specials: Record<string, z.ZodType>, key: string): z.ZodType {
  const s = specials[key];
  if (!s) throw new Error(`report-fields: no schema given for the special field "${key}"`);
  return s;
}

/** Response (or snapshot) fields; `specials` gives the schema of each files / choice field. */
export function viewShape<const Fs extends readonly FieldDef[], const S extends Specials<Fs>>(
  fields: Fs,
  specials: S,
): ViewShape<Fs, S> {
  const sp = specials as Record<string, z.ZodType>;
  return Object.fromEntries(
    fields.map((f) => [
      f.key,
      f.kind === 'files' || f.kind === 'choice' ? specialOf(sp, f.key) : viewZod(f.kind),
    ]),
  ) as ViewShape<Fs, S>;
}

/** Request fields, keyed by `saveKey ?? key`; `specials` by that same request key. */
export function saveShape<const Fs extends readonly FieldDef[], const S extends Record<string, z.ZodType>>(
  fields: Fs,
  specials: S,
): SaveShape<Fs, S> {
  return Object.fromEntries(
    fields.map((f) => [
      saveKeyOf(f),
      f.kind === 'files' || f.kind === 'choice' ? specialOf(specials, saveKeyOf(f)) : saveZod(f),
    ]),
  ) as SaveShape<Fs, S>;
}

/** `{ key: label }` of a table. */
export function labelsOf<const Fs extends readonly FieldDef[]>(
  fields: Fs,
): { [F in Fs[number] as F['key']]: F['label'] } {
  return Object.fromEntries(fields.map((f) => [f.key, f.label])) as never;
}
