import { searchKey } from '../../../shared/domain/text/normalize';

/** The values sheet as statisticians keep it; the header row is matched by name, in any order. */
export const VALUES_SHEET = 'Số liệu';
export const TARGETS_SHEET = 'Chỉ tiêu và đánh giá';

export const VALUE_COLUMNS = [
  { key: 'code', header: 'Mã chỉ số', required: true, width: 12 },
  { key: 'name', header: 'Tên chỉ số', required: false, width: 40 },
  { key: 'unit', header: 'Đơn vị', required: false, width: 12 },
  { key: 'year', header: 'Năm', required: true, width: 8 },
  { key: 'value', header: 'Giá trị', required: true, width: 12 },
  { key: 'status', header: 'Trạng thái', required: true, width: 14 },
  { key: 'source', header: 'Nguồn', required: true, width: 50 },
  { key: 'note', header: 'Ghi chú', required: false, width: 30 },
  { key: 'sourceUrl', header: 'Liên kết nguồn', required: false, width: 40 },
] as const;

export type ValueColumnKey = (typeof VALUE_COLUMNS)[number]['key'];

/** Header spellings accepted besides the exact one (folded: no case, no diacritics). */
const ALIASES: Partial<Record<ValueColumnKey, string[]>> = {
  code: ['ma', 'ma chi tieu'],
  name: ['ten', 'chi so', 'ten chi tieu'],
  unit: ['don vi tinh', 'dvt'],
  value: ['so lieu'],
  sourceUrl: ['lien ket', 'duong dan', 'link'],
};

/** Which column a header cell names, if any. */
export function columnOfHeader(text: string): ValueColumnKey | null {
  const key = searchKey(text)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (key === '') return null;
  for (const c of VALUE_COLUMNS) {
    if (searchKey(c.header) === key || ALIASES[c.key]?.includes(key)) return c.key;
  }
  return null;
}

export const headerOf = (key: ValueColumnKey): string => VALUE_COLUMNS.find((c) => c.key === key)!.header;
