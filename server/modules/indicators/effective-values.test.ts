import { describe, expect, it } from 'vitest';
import { chooseEffective, type ValueRowForChoice } from './effective-values';

let id = 0;
const row = (
  year: number,
  status: ValueRowForChoice['status'],
  enteredAt: string,
  reviewState: ValueRowForChoice['reviewState'] = 'accepted',
): ValueRowForChoice => ({ id: ++id, year, status, enteredAt, reviewState });

describe('the value that counts for a year', () => {
  it('prefers official over preliminary over estimate, whatever the order of entry', () => {
    const official = row(2022, 'official', '2023-06-01T00:00:00Z');
    const later = row(2022, 'estimate', '2024-01-01T00:00:00Z');
    const preliminary = row(2022, 'preliminary', '2023-01-01T00:00:00Z');
    expect(chooseEffective([official, later, preliminary]).get(2022)).toBe(official);
  });

  it('takes the newest entry among rows of the same status (a correction)', () => {
    const first = row(2023, 'estimate', '2023-12-01T00:00:00Z');
    const correction = row(2023, 'estimate', '2023-12-10T00:00:00Z');
    expect(chooseEffective([correction, first]).get(2023)).toBe(correction);
  });

  it('breaks a tie in time by the later row', () => {
    const a = row(2021, 'official', '2023-12-01T00:00:00Z');
    const b = row(2021, 'official', '2023-12-01T00:00:00Z');
    expect(chooseEffective([b, a]).get(2021)).toBe(b);
  });

  it('ignores pending and rejected rows', () => {
    const accepted = row(2024, 'estimate', '2024-12-01T00:00:00Z');
    const pending = row(2024, 'official', '2025-06-01T00:00:00Z', 'pending');
    const rejected = row(2024, 'official', '2025-07-01T00:00:00Z', 'rejected');
    const onlyPending = row(2025, 'estimate', '2025-12-01T00:00:00Z', 'pending');
    const chosen = chooseEffective([accepted, pending, rejected, onlyPending]);
    expect(chosen.get(2024)).toBe(accepted);
    expect(chosen.has(2025)).toBe(false);
  });
});
