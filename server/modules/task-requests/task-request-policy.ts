import { can } from '../../../shared/domain/auth/permissions';
import type { AuthUser } from '../../http/auth-state';
import { forbidden } from '../../http/errors';

/**
 * Who may file a request on a task (issue 13, item 4): reporters and coordinators (`tasks.request`) of
 * one of the task's lead agencies — or of the agency that took over a lead's work (its successor).
 * Supporting agencies, other agencies, leaders and administrators may not. Who decides is the plan's
 * rule for changing it (plan-edit-policy.ts): coordinators of its consolidating agency and administrators.
 */
export const mayFileTaskRequest = (
  user: Pick<AuthUser, 'role' | 'organisationId'>,
  leadOrganisationIds: ReadonlySet<number>,
) => can(user.role, 'tasks.request') && leadOrganisationIds.has(user.organisationId);

export function assertMayFileTaskRequest(
  user: Pick<AuthUser, 'role' | 'organisationId'>,
  leadOrganisationIds: ReadonlySet<number>,
  leadNames: string,
): void {
  if (mayFileTaskRequest(user, leadOrganisationIds)) return;
  if (!can(user.role, 'tasks.request'))
    throw forbidden(
      'Chỉ cán bộ của cơ quan chủ trì nhiệm vụ được gửi đề nghị gia hạn hoặc chuyển cơ quan chủ trì.',
    );
  throw forbidden(
    leadNames
      ? `Chỉ ${leadNames} (cơ quan chủ trì nhiệm vụ) được gửi đề nghị về nhiệm vụ này; cơ quan phối hợp và cơ quan khác không gửi được.`
      : 'Nhiệm vụ chưa gắn cơ quan chủ trì trong danh mục nên chưa ai gửi được đề nghị về nhiệm vụ này.',
  );
}

/**
 * Who may download a request's document: the parties to it — users of the requesting agency, users of
 * the plan's consolidating agency (who decide) — and administrators. Other agencies see on the task page
 * that a request was made, but the agency's letter stays between the two agencies — until an approval:
 * the revision it makes links the letter, and a plan's history is read by all who read the plan.
 */
export const mayReadTaskRequestFile = (
  user: Pick<AuthUser, 'role' | 'organisationId'>,
  request: { organisation_id: number; consolidator_org_id: number | null },
) =>
  user.role === 'admin' ||
  user.organisationId === request.organisation_id ||
  (request.consolidator_org_id !== null && user.organisationId === request.consolidator_org_id);
