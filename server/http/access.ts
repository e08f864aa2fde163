import type { Action } from '../../shared/domain/auth/permissions';

/**
 * Who may call a route, declared on the route itself (`config: access(…)`) so the rule sits beside the
 * handler. The handler still enforces it (requirePermission and the services' record checks); this
 * declaration is what the authorisation matrix test (server/http/access-matrix.http.test.ts) proves
 * against every registered route, and a route registered under /api without one fails that test.
 *
 * - `allow`: `public` (no session), `signed-in` (any user with a session), or an action of the role
 *   table in shared/domain/auth/permissions.ts.
 * - `scope`: the second layer, on the record the route touches:
 *   - `none`: the role table decides alone;
 *   - `own-user`: the caller's own records (notification-policy.ts: notifications); another user's
 *     record is hidden (404);
 *   - `report-read`: report-policy.ts `canReadReport` (own agency: every state; other agencies:
 *     accepted reports only) — refused with 403;
 *   - `report-edit`: report-policy.ts `assertCanEdit` (the agency's own reporters) — refused with 403;
 *   - `indicator-owner`: indicator-policy.ts `mayEnterValues` (coordinators, or reporters of the
 *     agency owning the indicator) — refused with 403;
 *   - `plan-consolidator`: publication/publication-policy.ts `mayPublishPlan` (administrators, or
 *     coordinators of the plan's consolidating agency) — refused with 403.
 */
export type AccessAllow = 'public' | 'signed-in' | Action;
export type RecordScope =
  | 'none'
  | 'own-user'
  | 'report-read'
  | 'report-edit'
  | 'indicator-owner'
  | 'plan-consolidator';

export interface AccessRule {
  allow: AccessAllow;
  scope: RecordScope;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}

/** The route option `config` carrying the rule: `{ config: access('plans.read'), schema: … }`. */
export function access(allow: AccessAllow, scope: RecordScope = 'none'): { access: AccessRule } {
  return { access: { allow, scope } };
}
