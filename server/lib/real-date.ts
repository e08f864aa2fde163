import { dayNumber } from '../../shared/domain/task-status/calendar';
import { AppError } from '../http/errors';

/** Rejects dates the ISO pattern lets through but the calendar does not have ("2025-02-30"). */
export function requireRealDate(value: string | null | undefined, path: string, label: string): void {
  if (value === null || value === undefined) return;
  if (dayNumber(value) === null) {
    throw new AppError('VALIDATION_FAILED', `${label}: ngày ${value} không có thật.`, [
      { path, message: 'Ngày không có thật' },
    ]);
  }
}
