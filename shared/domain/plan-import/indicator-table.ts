import type { PlanTarget, TargetKind } from '../../contracts/plan-draft';
import { searchKey } from '../text/normalize';
import { isPlausibleYear } from './dates';
import { joinPieces, startsLowercase } from './lines';
import { parseVietnameseNumber } from './numbers';
import { readOrdinal } from './ordinals';
import type { Piece } from './pieces';
import { wordCount } from './structure';

/*
 * The indicator appendix ("Phụ lục chỉ tiêu": TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030):
 * each row and year column is a target, read with the same fields as the objectives' targets.
 */

type IndicatorColumn = 'ordinal' | 'name' | 'unit' | 'value' | 'other';

interface ValueColumn {
  fromYear: number | null;
  toYear: number | null;
  label: string;
}

function indicatorKind(text: string): IndicatorColumn | null {
  const key = searchKey(text).replace(/[()]/g, '');
  if (key === '' || wordCount(key) > 10) return null;
  if (/^(s?tt|so tt|so thu tu)\.?$/.test(key)) return 'ordinal';
  if (/^(don vi tinh|dvt|don vi)$/.test(key)) return 'unit';
  if (/^(ten )?chi tieu$|^(noi dung|ten) chi tieu|^chi tieu chu yeu$/.test(key)) return 'name';
  if (/(19|20)\d{2}/.test(key)) return 'value';
  if (/^(ghi chu|co quan|don vi chu tri|hien trang|thuc hien)/.test(key)) return 'other';
  return null;
}

function yearsOf(label: string): ValueColumn {
  const range = /((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})/.exec(label);
  if (range !== null) return { fromYear: Number(range[1]), toYear: Number(range[2]), label };
  const year = /((?:19|20)\d{2})/.exec(label);
  const value = year === null ? null : Number(year[1]);
  return { fromYear: null, toYear: value !== null && isPlausibleYear(value) ? value : null, label };
}

interface Header {
  kinds: IndicatorColumn[];
  labels: string[];
  end: number;
}

function readLabel(pieces: readonly Piece[], k: number): { text: string; next: number } | null {
  const first = pieces[k];
  if (first === undefined) return null;
  if (first.hard) return { text: first.text, next: k + 1 };
  const texts = [first.text];
  let m = k + 1;
  while (m < pieces.length && m - k < 3 && startsLowercase(pieces[m]?.text ?? '') && !pieces[m]?.hard) {
    texts.push(pieces[m]?.text ?? '');
    m++;
  }
  return { text: joinPieces(texts), next: m };
}

function findHeader(pieces: readonly Piece[], from: number): Header | null {
  for (let k = from; k < pieces.length; k++) {
    // Cheap test first: an indicator table starts with its number column ("TT", "STT").
    if (!/^(?:S?TT|Số\s+TT|Số\s+thứ\s+tự)\.?$/iu.test(pieces[k]?.text ?? '')) continue;
    const first = readLabel(pieces, k);
    if (first === null || indicatorKind(first.text) !== 'ordinal') continue;
    const kinds: IndicatorColumn[] = ['ordinal'];
    const labels = [first.text];
    let m = first.next;
    while (m < pieces.length && kinds.length < 10) {
      const label = readLabel(pieces, m);
      const kind = label === null ? null : indicatorKind(label.text);
      if (label === null || kind === null || kind === 'ordinal') break;
      kinds.push(kind);
      labels.push(label.text);
      m = label.next;
    }
    if (kinds.includes('name') && kinds.includes('value')) return { kinds, labels, end: m };
  }
  return null;
}

const COUNT_UNITS =
  /^(xa|phuong|lop|mo hinh|doanh nghiep|du an|hop tac xa|lang nghe|san pham|nguoi|lao dong|ho|co so|truong|cum|khu|cho|hoi nghi|luot|cai|chiec)/;

function targetKind(unit: string): TargetKind {
  const key = searchKey(unit);
  if (key.includes('%/nam')) return 'average_growth';
  if (key.includes('%')) return 'percentage';
  if (COUNT_UNITS.test(key)) return 'count';
  return 'level';
}

/** "95", "9-10", "≥ 95,5", "trên 80", "tối thiểu 3": the bounds a cell sets. */
function bounds(text: string): { min: number | null; max: number | null } | null {
  const key = searchKey(text);
  const range = /(\d+(?:[.,]\d+)*)\s*(?:-|–|den)\s*(\d+(?:[.,]\d+)*)/.exec(key);
  if (range?.[1] !== undefined && range[2] !== undefined) {
    const low = parseVietnameseNumber(range[1]);
    const high = parseVietnameseNumber(range[2]);
    return low === null || high === null ? null : { min: Math.min(low, high), max: Math.max(low, high) };
  }
  const single = /(\d+(?:[.,]\d+)*)/.exec(key);
  const value = single?.[1] === undefined ? null : parseVietnameseNumber(single[1]);
  if (value === null) return null;
  if (/(>=|≥|>|tren|toi thieu|it nhat|khong duoi)/.test(key)) return { min: value, max: null };
  if (/(<=|≤|<|duoi|toi da|khong qua)/.test(key)) return { min: null, max: value };
  return { min: value, max: value };
}

/** Targets of every indicator appendix in the pieces, in reading order. */
export function readIndicatorTables(pieces: readonly Piece[]): PlanTarget[] {
  const targets: PlanTarget[] = [];
  let from = 0;
  for (let guard = 0; guard < 5; guard++) {
    const header = findHeader(pieces, from);
    if (header === null) break;
    const width = header.kinds.length;
    let p = header.end;
    while (p < pieces.length) {
      const ordinal = readOrdinal(pieces[p]?.text ?? '');
      if (ordinal === null) break;
      if (ordinal.ordinal.kind === 'group' || ordinal.ordinal.kind === 'subgroup') {
        // A group row ("I | Chỉ tiêu kinh tế") has no values: skip to the next numbered row.
        p++;
        while (p < pieces.length && readOrdinal(pieces[p]?.text ?? '') === null) p++;
        continue;
      }
      if (ordinal.rest !== '') break;
      const cells = pieces.slice(p + 1, p + width).map((piece) => piece.text);
      if (cells.length < width - 1) break;
      const name = cells[header.kinds.indexOf('name') - 1] ?? '';
      const unit = header.kinds.includes('unit') ? (cells[header.kinds.indexOf('unit') - 1] ?? '') : '';
      const valueCells = header.kinds
        .map((kind, c) => ({ kind, c }))
        .filter(({ kind }) => kind === 'value')
        .map(({ c }) => ({ text: cells[c - 1] ?? '', column: yearsOf(header.labels[c] ?? '') }));
      for (const value of valueCells) {
        const b = bounds(value.text);
        if (b === null) continue;
        targets.push({
          text: `${name}: ${value.text} ${unit} (${value.column.label})`.replace(/\s+/g, ' ').trim(),
          kind: targetKind(unit),
          ...b,
          unit: unit.trim(),
          fromYear: value.column.fromYear,
          toYear: value.column.toYear,
          approximate: /khoang|xap xi/.test(searchKey(value.text)),
          subject: name,
        });
      }
      p += width;
    }
    from = Math.max(p, header.end);
  }
  return targets;
}
