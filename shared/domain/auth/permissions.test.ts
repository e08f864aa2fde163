import { describe, expect, it } from 'vitest';
import { ACTIONS, can, permissionsOf } from './permissions';
import { ROLES } from './roles';

describe('role permissions', () => {
  it('only admin manages users and organisations', () => {
    for (const role of ROLES) {
      expect(can(role, 'users.manage')).toBe(role === 'admin');
      expect(can(role, 'organisations.manage')).toBe(role === 'admin');
    }
  });

  it('only the coordinator imports plans', () => {
    expect(ROLES.filter((r) => can(r, 'plans.import'))).toEqual(['coordinator']);
  });

  it('every role may read the organisation registry and plans', () => {
    for (const role of ROLES) {
      expect(can(role, 'organisations.read')).toBe(true);
      expect(can(role, 'plans.read')).toBe(true);
    }
  });

  it('only the coordinator manages indicators and accepts values; reporters may enter values', () => {
    expect(ROLES.filter((r) => can(r, 'indicators.manage'))).toEqual(['coordinator']);
    expect(ROLES.filter((r) => can(r, 'indicators.enter'))).toEqual(['coordinator', 'reporter']);
  });

  it('reporting: reporters write, coordinators review and open periods, leaders direct; admin stays out', () => {
    expect(ROLES.filter((r) => can(r, 'reports.read'))).toEqual(['coordinator', 'reporter', 'leader']);
    expect(ROLES.filter((r) => can(r, 'reports.write'))).toEqual(['reporter']);
    expect(ROLES.filter((r) => can(r, 'reports.review'))).toEqual(['coordinator']);
    expect(ROLES.filter((r) => can(r, 'periods.manage'))).toEqual(['coordinator']);
    expect(ROLES.filter((r) => can(r, 'reports.monitor'))).toEqual(['coordinator', 'leader']);
    expect(ROLES.filter((r) => can(r, 'directives.write'))).toEqual(['leader']);
  });

  it('lists permissions drawn from the known actions only', () => {
    for (const role of ROLES) for (const a of permissionsOf(role)) expect(ACTIONS).toContain(a);
  });
});
