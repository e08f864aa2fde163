import { romanToNumber } from './dates';

/*
 * Row numbers of a task table. Real tables number in many ways: "1.", "1", "10.", "1000" (large
 * programmes), groups "I", "II" or "A", "B" with numbering restarting under each, sub-rows "a)", "b)"
 * or "1.1", "1a", "2đ", and sub-headings "II.1" that are not tasks.
 */

export type Ordinal =
  | { kind: 'group'; index: number; label: string }
  | { kind: 'subgroup'; label: string }
  | { kind: 'number'; value: number; label: string }
  | { kind: 'dotted'; parts: number[]; label: string }
  | { kind: 'letter'; parent: number | null; index: number; label: string };

/** Letters as Vietnamese lists use them (no f, j, w, z), and the Latin order some writers use. */
const VIETNAMESE_LETTERS = 'abcdđeghiklmnopqrstuvxy';
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function letterIndex(letter: string): number {
  return VIETNAMESE_LETTERS.indexOf(letter);
}

function letterFollows(previous: string | null, letter: string): boolean {
  if (previous === null) return letter === 'a';
  const v = VIETNAMESE_LETTERS.indexOf(previous);
  const l = LATIN_LETTERS.indexOf(previous);
  return (v >= 0 && VIETNAMESE_LETTERS[v + 1] === letter) || (l >= 0 && LATIN_LETTERS[l + 1] === letter);
}

export interface OrdinalMatch {
  ordinal: Ordinal;
  /** Text after the ordinal on the same line ("10.  Xây dựng …" → "Xây dựng …"). */
  rest: string;
}

const ROMAN = /^([IVXL]{1,6})(?:\s*[.\-–)]\s*|\s+(?=\p{Lu})|$)(.*)$/u;
const SUBGROUP = /^([IVXL]{1,6})\.(\d{1,2})\.?(?:\s+(.*))?$/u;
const GROUP_LETTER = /^([A-Z])(?:\s*[.)]\s*|$)(.*)$/u;
const NUMBER_LETTER = /^(\d{1,4})\s*([a-zđ])\s*[.)]?(?:\s+(.*)|$)/u;
const DOTTED = /^(\d{1,4}(?:\.\d{1,3})+)\.?(?:\s+(.*)|$)/u;
const NUMBER = /^(\d{1,5})(?:\s*[.)]\s*|\s+(?=\p{L})|$)(.*)$/u;
const LETTER = /^([a-zđ])(?:\s*[.)]\s*|$)(.*)$/u;

/** Reads an ordinal at the start of a cell or line; null when the text does not start with one. */
export function readOrdinal(raw: string): OrdinalMatch | null {
  const text = raw.replace(/\*+/g, '').trim();
  if (text === '') return null;
  const sub = SUBGROUP.exec(text);
  if (sub?.[1] !== undefined && romanToNumber(sub[1].toLowerCase()) !== null) {
    return { ordinal: { kind: 'subgroup', label: `${sub[1]}.${sub[2]}` }, rest: sub[3] ?? '' };
  }
  const roman = ROMAN.exec(text);
  const romanValue = roman?.[1] === undefined ? null : romanToNumber(roman[1].toLowerCase());
  if (roman !== null && romanValue !== null && roman[1] !== undefined) {
    return { ordinal: { kind: 'group', index: romanValue, label: roman[1] }, rest: roman[2] ?? '' };
  }
  const group = GROUP_LETTER.exec(text);
  if (group?.[1] !== undefined && (group[2] === '' || /^\p{Lu}/u.test(group[2] ?? ''))) {
    const index = group[1].charCodeAt(0) - 64;
    return { ordinal: { kind: 'group', index, label: group[1] }, rest: group[2] ?? '' };
  }
  const numberLetter = NUMBER_LETTER.exec(text);
  if (numberLetter?.[1] !== undefined && numberLetter[2] !== undefined) {
    const parent = Number(numberLetter[1]);
    return {
      ordinal: {
        kind: 'letter',
        parent,
        index: letterIndex(numberLetter[2]),
        label: `${parent}${numberLetter[2]}`,
      },
      rest: numberLetter[3] ?? '',
    };
  }
  const dotted = DOTTED.exec(text);
  if (dotted?.[1] !== undefined) {
    const parts = dotted[1].split('.').map(Number);
    return { ordinal: { kind: 'dotted', parts, label: dotted[1] }, rest: dotted[2] ?? '' };
  }
  const number = NUMBER.exec(text);
  if (number?.[1] !== undefined) {
    const value = Number(number[1]);
    // A bare year is a deadline, not a row number.
    if (value >= 1900 && value <= 2100 && (number[2] ?? '') === '') return null;
    return { ordinal: { kind: 'number', value, label: String(value) }, rest: number[2] ?? '' };
  }
  const letter = LETTER.exec(text);
  if (letter?.[1] !== undefined && /[.)]/.test(text.slice(1, 3))) {
    return {
      ordinal: { kind: 'letter', parent: null, index: letterIndex(letter[1]), label: letter[1] },
      rest: letter[2] ?? '',
    };
  }
  if (letter?.[1] !== undefined && text.length === 1) {
    return {
      ordinal: { kind: 'letter', parent: null, index: letterIndex(letter[1]), label: letter[1] },
      rest: '',
    };
  }
  return null;
}

/** Where the numbering stands, so only the next number in sequence starts a row. */
export class OrdinalSequence {
  private group: number | null = null;
  private number: number | null = null;
  private letter: string | null = null;
  private dotted: number[] | null = null;
  private rows = 0;

  /** True when `ordinal` can be the next row: the next number, letter or group, or a restart under a group. */
  accepts(ordinal: Ordinal): boolean {
    switch (ordinal.kind) {
      case 'group':
        return this.group === null
          ? ordinal.index === 1 || this.rows === 0
          : ordinal.index === this.group + 1;
      case 'subgroup':
        return true;
      case 'number':
        return (
          (this.number === null && (ordinal.value === 1 || this.rows === 0)) ||
          (this.number !== null && ordinal.value === this.number + 1) ||
          (ordinal.value === 1 && this.justOpenedGroup)
        );
      case 'dotted': {
        const head = ordinal.parts.slice(0, -1);
        const last = ordinal.parts[ordinal.parts.length - 1] ?? 0;
        if (this.dotted !== null && head.join('.') === this.dotted.slice(0, -1).join('.')) {
          return last === (this.dotted[this.dotted.length - 1] ?? 0) + 1;
        }
        return last === 1 && head[head.length - 1] === this.number;
      }
      case 'letter': {
        const letter = ordinal.label.slice(-1);
        if (this.rows === 0) return true;
        if (ordinal.parent !== null && ordinal.parent !== this.number) {
          return this.number !== null && ordinal.parent === this.number + 1 && letter === 'a';
        }
        return letterFollows(this.letter, letter);
      }
    }
  }

  private justOpenedGroup = false;

  advance(ordinal: Ordinal): void {
    this.rows++;
    this.justOpenedGroup = false;
    switch (ordinal.kind) {
      case 'group':
        this.group = ordinal.index;
        this.justOpenedGroup = true;
        this.letter = null;
        this.dotted = null;
        return;
      case 'subgroup':
        this.justOpenedGroup = true;
        return;
      case 'number':
        this.number = ordinal.value;
        this.letter = null;
        this.dotted = null;
        return;
      case 'dotted':
        this.dotted = ordinal.parts;
        return;
      case 'letter':
        if (ordinal.parent !== null) this.number = ordinal.parent;
        this.letter = ordinal.label.slice(-1);
    }
  }

  /** The current parent number, for naming letter sub-rows "1a", "2đ" as the documents do. */
  get currentNumber(): number | null {
    return this.number;
  }
}
