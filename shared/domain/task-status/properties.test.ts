import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../contracts/plan-draft';
import { dayNumber, isoFromDayNumber } from './calendar';
import { TASK_STATUS_CODES } from './categories';
import { computeTaskStatus } from './compute-status';
import { deadlines } from './test-deadlines';

const START = dayNumber('2018-01-01') ?? 0;
const isoDay = fc.integer({ min: START, max: START + 365 * 12 }).map(isoFromDayNumber);
const year = fc.integer({ min: 2018, max: 2030 });

const deadline: fc.Arbitrary<Deadline> = fc.oneof(
  year.map(deadlines.year),
  fc.tuple(year, fc.integer({ min: 0, max: 5 })).map(([a, n]) => deadlines.range(a, a + n)),
  fc.constant(deadlines.recurring()),
  fc.tuple(year, fc.integer({ min: 0, max: 5 })).map(([a, n]) => deadlines.recurring(a, a + n)),
  isoDay.map(deadlines.date),
  fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => {
    const first = (q - 1) * 3 + 1;
    // The quarter ends the day before the next quarter (or next year) begins.
    const next = q === 4 ? `${y + 1}-01-01` : `${y}-${String(first + 3).padStart(2, '0')}-01`;
    const end = isoFromDayNumber((dayNumber(next) ?? 0) - 1);
    return deadlines.quarter(`${y}-${String(first).padStart(2, '0')}-01`, end, `Quý ${q}/${y}`);
  }),
  fc.constant(deadlines.continuous()),
  fc.constant(deadlines.unknown()),
);

describe('computeTaskStatus properties', () => {
  it('gives every input exactly one valid status, and daysLate only to late work', () => {
    fc.assert(
      fc.property(
        deadline,
        fc.option(year, { nil: undefined }),
        fc.constantFrom('not_started', 'in_progress', 'completed', null),
        fc.option(isoDay, { nil: null }),
        isoDay,
        fc.boolean(),
        (d, y, progress, completedOn, today, reportDue) => {
          const r = computeTaskStatus({ deadline: d, year: y, progress, completedOn, today, reportDue });
          expect(TASK_STATUS_CODES).toContain(r.status);
          expect(r.reason.length).toBeGreaterThan(0);
          if (r.daysLate === null) {
            expect(['done_late', 'overdue']).not.toContain(r.status);
          } else {
            expect(Number.isInteger(r.daysLate)).toBe(true);
            expect(r.daysLate).toBeGreaterThanOrEqual(1);
            expect(['done_late', 'overdue']).toContain(r.status);
          }
          if (d.kind === 'continuous' || d.kind === 'unknown') expect(r.status).not.toBe('overdue');
          if (progress === 'completed') expect(r.status.startsWith('done_')).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
