import type { Role } from './roles';

/**
 * First layer of authorisation: what each role may do at all. Services add the second layer
 * (does this record belong to the user's agency?). The UI receives the list to hide what is not allowed.
 */
export const ACTIONS = [
  'users.read',
  'users.manage',
  'organisations.read',
  'organisations.manage',
  /**
   * Record a reorganisation (merge, split, rename, abolish, province merger, level replaced): preview what
   * it hands over, apply, undo. Administrators and the coordinators who follow the plans (issue 14).
   */
  'organisations.reorganise',
  'audit.read',
  'plans.read',
  'plans.import',
  'plans.manage',
  /** Enter a new plan by hand (only with the user's own agency as consolidating agency, unless admin). */
  'plans.create',
  /** Put a plan's public page up or take it down (only for the plan's consolidating agency). */
  'plans.publish',
  /** Change a confirmed plan with a reason, kept as a revision (only for the plan's consolidating agency). */
  'plans.revise',
  /** Ask to extend a task's deadline or hand it to another lead (only a user of the task's lead agency). */
  'tasks.request',
  'indicators.manage',
  'indicators.enter',
  'reports.read',
  'reports.write',
  'reports.review',
  'reports.monitor',
  'periods.manage',
  'directives.write',
] as const;

export type Action = (typeof ACTIONS)[number];

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: [
    'users.read',
    'users.manage',
    'organisations.read',
    'organisations.manage',
    'organisations.reorganise',
    'audit.read',
    'plans.read',
    'plans.create',
    'plans.publish',
    'plans.revise',
  ],
  coordinator: [
    'organisations.read',
    'organisations.reorganise',
    'plans.read',
    'plans.import',
    'plans.manage',
    'plans.create',
    'plans.publish',
    'plans.revise',
    'tasks.request',
    'users.read',
    'indicators.manage',
    'indicators.enter',
    'reports.read',
    'reports.review',
    'reports.monitor',
    'periods.manage',
  ],
  reporter: [
    'organisations.read',
    'plans.read',
    'tasks.request',
    'indicators.enter',
    'reports.read',
    'reports.write',
  ],
  leader: [
    'organisations.read',
    'plans.read',
    'audit.read',
    'reports.read',
    'reports.monitor',
    'directives.write',
  ],
};

export function can(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

export function permissionsOf(role: Role): Action[] {
  return [...ROLE_ACTIONS[role]];
}
