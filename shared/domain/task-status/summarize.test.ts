import { describe, expect, it } from 'vitest';
import type { TaskStatusCode } from './categories';
import { summarizeStatuses } from './summarize';

describe('summarizeStatuses', () => {
  it('counts each category and the rates', () => {
    const statuses: TaskStatusCode[] = [
      'done_on_time',
      'done_on_time',
      'done_on_time',
      'done_late',
      'overdue',
      'in_progress_on_time',
      'in_progress_on_time',
      'not_due',
      'not_reported',
      'not_reported',
    ];
    expect(summarizeStatuses(statuses)).toEqual({
      done_on_time: 3,
      done_late: 1,
      in_progress_on_time: 2,
      overdue: 1,
      not_due: 1,
      not_reported: 2,
      total: 10,
      completionRate: 0.4, // (3 + 1) / 10
      onTimeRate: 0.6, // 3 / (3 + 1 + 1)
    });
  });

  it('has no rates for an empty list or when no deadline has been tested', () => {
    expect(summarizeStatuses([])).toMatchObject({ total: 0, completionRate: null, onTimeRate: null });
    expect(summarizeStatuses(['not_due', 'in_progress_on_time'])).toMatchObject({
      total: 2,
      completionRate: 0,
      onTimeRate: null,
    });
  });
});
