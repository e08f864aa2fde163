import { can } from '../../../shared/domain/auth/permissions';
import type { ReportingPeriodsTable, ReportsTable } from '../../db/schema';
import type { AuthUser } from '../../http/auth-state';
import { type AppError, conflict, forbidden } from '../../http/errors';

/**
 * Who may do what with a report, in one place: the SQL filter of lists, the check before an action
 * and the `can` abilities sent to the client all read the rules below.
 *
 * Reading (on top of the role's `reports.read`):
 * - the agency's own reporters: their reports in every state;
 * - coordinators and leaders: every report in every state (they supervise; drafts are shown read-only);
 * - other agencies' reporters: only accepted reports (the official, reviewed answer).
 * Writing: only the agency's own reporters (`reports.write`), while the report is a draft or returned
 * and its period is open. That covers the product files of its tasks (any number per task): added and
 * removed with the content they document.
 * The signed scan: the agency's own reporters upload it once the report is sent (submitted or
 * accepted), even after the period closes — the paper is signed from the content the system received
 * (the Word file of a report not yet sent is marked "DỰ THẢO"), and it can come back signed after the
 * deadline. A new scan replaces the current one; every earlier scan is kept. Readers of the report
 * (coordinators, leaders, other agencies once accepted) list and download them.
 */

export interface PolicyReport {
  organisation_id: number;
  state: ReportsTable['state'];
  /** The plan's consolidating agency (plans.consolidator_org_id), when it has one: who reopens a period. */
  consolidator_name?: string | null;
}

/**
 * Which reports a user reads: every one, their own agency's plus accepted ones, or none. The report
 * repository turns it into the SQL filter of lists; `canReadReport` applies it to one report.
 */
export type ReportReadScope = { all: true } | { ownAgencyOrAccepted: number } | { none: true };

export function reportReadScope(user: AuthUser): ReportReadScope {
  if (!can(user.role, 'reports.read')) return { none: true };
  if (user.role === 'reporter') return { ownAgencyOrAccepted: user.organisationId };
  return user.role === 'coordinator' || user.role === 'leader' ? { all: true } : { none: true };
}

export function canReadReport(user: AuthUser, r: PolicyReport): boolean {
  const scope = reportReadScope(user);
  if ('ownAgencyOrAccepted' in scope)
    return r.organisation_id === scope.ownAgencyOrAccepted || r.state === 'accepted';
  return 'all' in scope;
}

export function assertCanRead(user: AuthUser, r: PolicyReport): void {
  if (!canReadReport(user, r)) {
    throw forbidden('Báo cáo của cơ quan khác chỉ xem được sau khi đã được tiếp nhận.');
  }
}

/** Why the content may not be edited now (a state conflict), or null when it may. */
function editableStateDenial(
  state: ReportsTable['state'],
  periodState: ReportingPeriodsTable['state'],
  consolidatorName: string | null = null,
): AppError | null {
  if (state === 'accepted') return conflict('Báo cáo đã được tiếp nhận nên đã khóa, không sửa được nữa.');
  if (state === 'submitted')
    return conflict('Báo cáo đã gửi và đang chờ tiếp nhận; chỉ sửa được khi bị trả lại.');
  if (periodState !== 'open') {
    const whom = consolidatorName
      ? `${consolidatorName} (cơ quan tổng hợp của kế hoạch)`
      : 'cơ quan tổng hợp của kế hoạch';
    return conflict(`Kỳ báo cáo đã đóng; liên hệ ${whom} nếu cần mở lại.`);
  }
  return null;
}

/** Why the user may not edit this report's content now, or null when they may. */
function editDenial(
  user: AuthUser,
  r: PolicyReport,
  periodState: ReportingPeriodsTable['state'],
): AppError | null {
  if (!can(user.role, 'reports.write'))
    return forbidden('Chỉ cán bộ báo cáo của cơ quan mới sửa được báo cáo.');
  if (r.organisation_id !== user.organisationId)
    return forbidden('Bạn chỉ được sửa báo cáo của cơ quan mình.');
  return editableStateDenial(r.state, periodState, r.consolidator_name ?? null);
}

export function assertCanEdit(
  user: AuthUser,
  r: PolicyReport,
  periodState: ReportingPeriodsTable['state'],
): void {
  const denial = editDenial(user, r, periodState);
  if (denial) throw denial;
}

export const canEditReport = (user: AuthUser, r: PolicyReport, periodState: ReportingPeriodsTable['state']) =>
  editDenial(user, r, periodState) === null;

/** Why the user may not upload the signed scan of this report now, or null when they may. */
export function signedScanDenial(user: AuthUser, r: PolicyReport): AppError | null {
  if (!can(user.role, 'reports.write'))
    return forbidden('Chỉ cán bộ báo cáo của cơ quan mới tải lên được bản scan báo cáo đã ký.');
  if (r.organisation_id !== user.organisationId)
    return forbidden('Bạn chỉ được tải lên bản scan báo cáo của cơ quan mình.');
  if (r.state === 'draft' || r.state === 'returned')
    return conflict(
      'Báo cáo chưa gửi: hãy gửi báo cáo, tải văn bản Word (không còn chữ "DỰ THẢO") để trình ký, rồi tải lên bản scan đã ký.',
    );
  return null;
}

export function assertCanUploadSignedScan(user: AuthUser, r: PolicyReport): void {
  const denial = signedScanDenial(user, r);
  if (denial) throw denial;
}

/**
 * Why the user may not correct and send again a returned task's entry now, or null when they may
 * (issue 13, item 7): the agency's own reporters, while the report is sent (the rest of it waits or is
 * accepted) and the period is open. The entry itself must be returned (checked by the workflow).
 */
function resubmitDenial(
  user: AuthUser,
  r: PolicyReport,
  periodState: ReportingPeriodsTable['state'],
): AppError | null {
  if (!can(user.role, 'reports.write'))
    return forbidden('Chỉ cán bộ báo cáo của cơ quan mới gửi lại được nhiệm vụ bị trả lại.');
  if (r.organisation_id !== user.organisationId)
    return forbidden('Bạn chỉ được sửa báo cáo của cơ quan mình.');
  if (r.state === 'draft' || r.state === 'returned')
    return conflict('Báo cáo đang ở cơ quan: sửa các nhiệm vụ rồi gửi cả báo cáo.');
  if (r.state === 'accepted') return conflict('Báo cáo đã được tiếp nhận nên đã khóa, không sửa được nữa.');
  return editableStateDenial('draft', periodState, r.consolidator_name ?? null);
}

export function assertCanResubmitEntry(
  user: AuthUser,
  r: PolicyReport,
  periodState: ReportingPeriodsTable['state'],
): void {
  const denial = resubmitDenial(user, r, periodState);
  if (denial) throw denial;
}

export const canResubmitEntries = (
  user: AuthUser,
  r: PolicyReport,
  periodState: ReportingPeriodsTable['state'],
) => resubmitDenial(user, r, periodState) === null;
