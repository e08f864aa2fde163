import type { Deadline } from '../../contracts/plan-draft';

/** Deadlines as the plan importer produces them, for tests. */
export const deadlines = {
  year: (y: number): Deadline => ({ kind: 'year', from: `${y}-01-01`, to: `${y}-12-31`, text: `Năm ${y}` }),
  range: (a: number, b: number): Deadline => ({
    kind: 'year_range',
    from: `${a}-01-01`,
    to: `${b}-12-31`,
    text: `${a}-${b}`,
  }),
  recurring: (a: number | null = null, b: number | null = null): Deadline => ({
    kind: 'recurring',
    from: a === null ? null : `${a}-01-01`,
    to: b === null ? null : `${b}-12-31`,
    text: a === null ? 'Hằng năm' : `Hằng năm, ${a}-${b}`,
  }),
  date: (iso: string): Deadline => ({ kind: 'date', from: null, to: iso, text: `Trước ${iso}` }),
  quarter: (from: string, to: string, text: string): Deadline => ({ kind: 'quarter', from, to, text }),
  month: (from: string, to: string, text: string): Deadline => ({ kind: 'month', from, to, text }),
  continuous: (): Deadline => ({ kind: 'continuous', from: null, to: null, text: 'Thường xuyên' }),
  unknown: (text = 'Khi có yêu cầu'): Deadline => ({ kind: 'unknown', from: null, to: null, text }),
};
