import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlanParseResult, planParseResultSchema } from '../../contracts/plan-draft';
import { parseDeadline } from './deadline';
import { MINI_BODY, MINI_HEADER, miniTable } from './mini-plan';
import { parsePlanText } from './parse-text';

const SAMPLE = readFileSync(
  new URL('../../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url),
  'utf8',
);

/** Never throws, answers with the contract's shape, and never hides a bug behind the 'internal' refusal. */
function expectWellBehaved(text: string): PlanParseResult {
  const result = parsePlanText(text);
  expect(planParseResultSchema.safeParse(result).success).toBe(true);
  if (!result.ok) expect(result.error.code).not.toBe('internal');
  return result;
}

/** Lines that look like pieces of plans, so random documents reach deep into the parser. */
const FRAGMENTS = [
  ...MINI_HEADER.split('\n'),
  ...MINI_BODY.split('\n'),
  ...miniTable().split('\n'),
  '|',
  '',
  'I.',
  'IV. TỔ CHỨC THỰC',
  'HIỆN',
  '1.',
  '4.1.',
  '12. Chế độ báo',
  'cáo:',
  '- ',
  '+',
  'Số:',
  'ngày 31 tháng 2 năm 2024',
  'TT',
  'Nội dung',
  'Cơ quan chủ trì',
  'I',
  'II. NHÓM',
  '9- 10%/năm',
  'khoảng 04 khu công nghiệp và 10 cụm công nghiệp',
  'Quý IX/2022',
  '99/99/9999',
  'Hằng năm, 2025-2021',
  ':',
  '(',
  ')',
];

describe('parsePlanText never throws', () => {
  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expectWellBehaved(text);
      }),
      { numRuns: 300 },
    );
  });

  it('on random full-Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expectWellBehaved(text);
      }),
      { numRuns: 200 },
    );
  });

  it('on random sequences of plan-like lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }), (lines) => {
        expectWellBehaved(lines.join('\n'));
      }),
      { numRuns: 400 },
    );
  });

  it('on plan-like lines with random noise lines mixed in', () => {
    const line = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), (lines) => {
        expectWellBehaved(['KẾ HOẠCH', ...lines].join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('on every one of 200 evenly spaced truncations of the sample', () => {
    const cuts = 200;
    for (let i = 1; i <= cuts; i++) {
      const prefix = SAMPLE.slice(0, Math.round((SAMPLE.length * i) / cuts));
      const result = expectWellBehaved(prefix);
      // Past the header the text is a plan: cut short, but still a plan.
      if (prefix.includes('KẾ HOẠCH')) expect(result.ok).toBe(true);
    }
  });

  it('reads only a prefix of the sample tasks from a truncated sample, in order', () => {
    const result = parsePlanText(SAMPLE.slice(0, SAMPLE.indexOf('\n12\n|')));
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.draft.tasks.map((t) => t.ordinal)).toEqual([
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        '10',
        '11',
      ]);
  });
});

describe('parseDeadline never throws', () => {
  it('and always keeps the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const deadline = parseDeadline(text);
        expect(deadline.text).toBe(text.normalize('NFC').replace(/\s+/g, ' ').trim());
        if (deadline.from !== null && deadline.to !== null) expect(deadline.from <= deadline.to).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
