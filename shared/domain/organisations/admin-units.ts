import { searchKey } from '../text/normalize';

/**
 * Types of commune-level administrative unit (đơn vị hành chính cấp xã). After 1/7/2025 a province has
 * xã, phường and đặc khu; thị trấn existed before. Every one is governed by an UBND cấp xã (kind 'ubnd_xa').
 */
export const ADMIN_UNIT_TYPES = ['xa', 'phuong', 'thi_tran', 'dac_khu'] as const;
export type AdminUnitType = (typeof ADMIN_UNIT_TYPES)[number];

export const ADMIN_UNIT_TYPE_LABELS: Record<AdminUnitType, string> = {
  xa: 'Xã',
  phuong: 'Phường',
  thi_tran: 'Thị trấn',
  dac_khu: 'Đặc khu',
};

/** "xã", "Phường", "thi tran" → the type; anything else → null. */
export function parseAdminUnitType(text: string): AdminUnitType | null {
  const key = searchKey(text)
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  switch (key) {
    case 'xa':
      return 'xa';
    case 'phuong':
      return 'phuong';
    case 'thi tran':
      return 'thi_tran';
    case 'dac khu':
      return 'dac_khu';
    default:
      return null;
  }
}

/** A unit as a province's list gives it: national code, name with its type ("Phường Phố Hiến"), type. */
export interface AdminUnitRow {
  code: string;
  name: string;
  type: AdminUnitType;
  /** Line of the file (1 = header), for messages. */
  line: number;
}

export interface AdminUnitFileProblem {
  line: number | null;
  message: string;
}

/**
 * The unit's name with its type word in front, as lists and plans write it: "Phố Hiến" with type
 * phường → "Phường Phố Hiến"; a name that already starts with its type is kept.
 */
export function unitName(name: string, type: AdminUnitType): string {
  const label = ADMIN_UNIT_TYPE_LABELS[type];
  const trimmed = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  return parseAdminUnitType(trimmed.split(' ').slice(0, label.split(' ').length).join(' ')) === type
    ? trimmed
    : `${label} ${trimmed}`;
}

/** The committee of a unit, as the registry names it: "Phường Phố Hiến" → "UBND phường Phố Hiến". */
export function communeCommitteeName(name: string, type: AdminUnitType): string {
  const full = unitName(name, type);
  return `UBND ${full.charAt(0).toLowerCase()}${full.slice(1)}`;
}

/** The registry code of a unit's committee: "DVHC_" and its national code, unique as the code is. */
export const communeCommitteeCode = (nationalCode: string): string => `DVHC_${nationalCode}`;

/** Column names a list may use, folded: code/mã, name/tên, kind/loại/cấp. */
const COLUMNS: Record<'code' | 'name' | 'type', readonly string[]> = {
  code: ['code', 'ma', 'ma dvhc', 'ma don vi', 'ma don vi hanh chinh'],
  name: ['name', 'ten', 'ten dvhc', 'ten don vi', 'ten don vi hanh chinh'],
  type: ['kind', 'type', 'loai', 'cap', 'loai don vi'],
};

/** Splits one CSV line; double quotes may hold commas, "" is a quote. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';' || c === '\t') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((x) => x.trim());
}

/** Most units a list may hold: a province has a few hundred; the whole country about 3,300. */
export const MAX_ADMIN_UNITS = 20_000;

/**
 * Reads a list of commune-level units (CSV with a header: code, name, kind — or mã, tên, loại). Every
 * problem is reported with its line, in Vietnamese; a list with any problem is not loaded at all.
 */
export function parseAdminUnitCsv(text: string): { units: AdminUnitRow[]; problems: AdminUnitFileProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: AdminUnitFileProblem[] = [];
  const headerIndex = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (headerIndex < 0) return { units: [], problems: [{ line: null, message: 'Tệp không có dữ liệu.' }] };
  const header = csvCells(lines[headerIndex]!).map((h) =>
    searchKey(h)
      .replace(/[^a-z ]/g, ' ')
      .trim(),
  );
  const col = (k: keyof typeof COLUMNS) => header.findIndex((h) => COLUMNS[k].includes(h));
  const at = { code: col('code'), name: col('name'), type: col('type') };
  const missing = (['code', 'name', 'type'] as const).filter((k) => at[k] < 0);
  if (missing.length > 0) {
    const names = { code: 'mã (code)', name: 'tên (name)', type: 'loại (kind)' };
    return {
      units: [],
      problems: [
        {
          line: headerIndex + 1,
          message: `Dòng tiêu đề thiếu cột ${missing.map((k) => names[k]).join(', ')}.`,
        },
      ],
    };
  }
  const units: AdminUnitRow[] = [];
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const line = i + 1;
    if (units.length >= MAX_ADMIN_UNITS) {
      problems.push({ line, message: `Danh sách có quá ${MAX_ADMIN_UNITS} đơn vị.` });
      break;
    }
    const cells = csvCells(raw);
    const code = cells[at.code] ?? '';
    const name = cells[at.name] ?? '';
    const typeText = cells[at.type] ?? '';
    const type = parseAdminUnitType(typeText);
    if (!/^[0-9]{1,10}$/.test(code)) problems.push({ line, message: `Mã đơn vị “${code}” phải là dãy số.` });
    if (name === '' || name.length > 200)
      problems.push({ line, message: 'Thiếu tên đơn vị hoặc tên quá dài.' });
    if (type === null)
      problems.push({
        line,
        message: `Loại đơn vị “${typeText}” không hợp lệ (xã, phường, thị trấn hoặc đặc khu).`,
      });
    const earlier = seen.get(code);
    if (earlier !== undefined) problems.push({ line, message: `Mã ${code} đã có ở dòng ${earlier}.` });
    seen.set(code, line);
    if (type !== null && name !== '') units.push({ code, name: unitName(name, type), type, line });
  }
  if (units.length === 0 && problems.length === 0)
    problems.push({ line: null, message: 'Tệp không có đơn vị nào.' });
  return { units, problems };
}

/** Units by type, in the order of ADMIN_UNIT_TYPES: { xa: 93, phuong: 11, … }. */
export function countByType(types: readonly (AdminUnitType | null)[]): Record<AdminUnitType, number> {
  const out = Object.fromEntries(ADMIN_UNIT_TYPES.map((t) => [t, 0])) as Record<AdminUnitType, number>;
  for (const t of types) if (t !== null) out[t] += 1;
  return out;
}
