import { can } from '../../../shared/domain/auth/permissions';
import type { AuthUser } from '../../http/auth-state';
import { AppError, conflict, forbidden } from '../../http/errors';

export interface AccessReport {
  organisation_id: number;
  state: string;
}

/**
 * Who may read a report (second layer, on top of `reports.read`):
 * - the agency's own reporters: their reports in every state;
 * - coordinators and leaders: every report in every state (they supervise; drafts are shown read-only);
 * - other agencies' reporters: only accepted reports (the official, reviewed answer).
 */
export function canReadReport(user: AuthUser, r: AccessReport): boolean {
  if (!can(user.role, 'reports.read')) return false;
  if (user.role === 'coordinator' || user.role === 'leader') return true;
  if (user.role === 'reporter') return r.organisation_id === user.organisationId || r.state === 'accepted';
  return false;
}

export function assertCanRead(user: AuthUser, r: AccessReport): void {
  if (!canReadReport(user, r)) {
    throw forbidden('Báo cáo của cơ quan khác chỉ xem được sau khi đã được tiếp nhận.');
  }
}

/** Content is written only by the agency's own reporters, while the report is a draft or returned. */
export function assertCanEdit(user: AuthUser, r: AccessReport, periodState: string): void {
  if (!can(user.role, 'reports.write'))
    throw forbidden('Chỉ cán bộ báo cáo của cơ quan mới sửa được báo cáo.');
  if (r.organisation_id !== user.organisationId)
    throw forbidden('Bạn chỉ được sửa báo cáo của cơ quan mình.');
  assertEditableState(r.state, periodState);
}

export function assertEditableState(state: string, periodState: string): void {
  if (state === 'accepted') throw conflict('Báo cáo đã được tiếp nhận nên đã khóa, không sửa được nữa.');
  if (state === 'submitted')
    throw conflict('Báo cáo đã gửi và đang chờ tiếp nhận; chỉ sửa được khi bị trả lại.');
  if (periodState !== 'open') throw conflict('Kỳ báo cáo đã đóng; liên hệ Sở Công Thương nếu cần mở lại.');
}

export function canEditReport(user: AuthUser, r: AccessReport, periodState: string): boolean {
  try {
    assertCanEdit(user, r, periodState);
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}
