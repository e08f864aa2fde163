import { emptyHandMadeDraft } from '../../shared/domain/plan-import/hand-made';
import { daysFromToday, THIS_YEAR } from '../modules/reporting/test-fixture';
import type { Target, World } from './access-matrix-world';
import { TEST_PASSWORD } from './factories';

export type SampleBody =
  | { json: unknown }
  | { upload: { filename: string; bytes: Uint8Array } }
  | { none: true };

let seq = 0;
const unique = () => `${Date.now().toString(36)}${++seq}`;

/**
 * A minimal valid body for every route that takes one, keyed "METHOD /api/path" as registered. The
 * matrix test fails when a registered route with a body schema or a multipart upload has no entry
 * here, and when an entry names no registered route, so this table follows the route table.
 */
export const SAMPLE_BODIES: Record<string, (w: World) => SampleBody> = {
  'POST /api/auth/login': (w) => ({
    json: { username: w.callers.reporter.username, password: TEST_PASSWORD },
  }),
  // Sent by a fresh user of the role (FRESH_CALLER), whose password is the factories' one.
  'POST /api/auth/password': () => ({
    json: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-thu-nghiem' },
  }),
  'POST /api/users': (w) => ({
    json: {
      username: `u${unique()}`,
      fullName: 'Người dùng ma trận',
      role: 'reporter',
      organisationId: w.orgOf.own,
      password: 'mat-khau-thu-nghiem',
    },
  }),
  'PATCH /api/users/:id': () => ({ json: { fullName: 'Tên đã sửa' } }),
  'POST /api/users/:id/password': () => ({ json: { password: 'mat-khau-dat-lai-1' } }),
  'POST /api/organisations': () => ({
    json: { code: `MT_${unique().toUpperCase()}`, name: 'Sở ma trận', kind: 'so' },
  }),
  'POST /api/organisations/communes': () => ({
    json: {
      csv: `code,name,kind\n${90_000_000 + (++seq % 1_000_000)},Xã Ma Trận ${unique()},xã\n`,
      validFrom: '2025-07-01',
      source: 'Danh sách thử của ma trận quyền',
      dryRun: true,
    },
  }),
  'PATCH /api/organisations/:id': (w) => ({
    json: { code: w.spareOrg.code, name: `${w.spareOrg.name} (sửa)`, kind: 'so' },
  }),
  'POST /api/reorganisations': (w) => ({
    json: {
      kind: 'rename',
      title: 'Đổi tên thử của ma trận quyền',
      effectiveOn: daysFromToday(30),
      basisNumber: '1/QĐ-UBND',
      spec: {
        sources: [w.spareOrg.id],
        successors: [
          { create: { code: `MT_${unique().toUpperCase()}`, name: `Sở đổi tên ${unique()}`, kind: 'so' } },
        ],
      },
    },
  }),
  'POST /api/reorganisations/:id/preview': () => ({ json: { taskChoices: {} } }),
  'POST /api/reorganisations/:id/apply': () => ({ json: { taskChoices: {} } }),
  'POST /api/plan-imports': (w) => ({ upload: { filename: 'ke-hoach.txt', bytes: w.planText } }),
  'PUT /api/plan-imports/:id/draft': (w) => ({
    json: { version: w.planImport.version, draft: w.planImport.draft },
  }),
  'POST /api/plan-imports/:id/confirm': () => ({ none: true }),
  'POST /api/plan-imports/:id/discard': () => ({ none: true }),
  'POST /api/plan-drafts': (w) => ({ json: { consolidatorId: w.f.orgs.sct.id } }),
  // A version nobody holds: allowed callers get 409 and nothing changes (the other agency's draft stays theirs).
  'PUT /api/plan-drafts/:id': (w) => ({
    json: { version: 999_999, draft: emptyHandMadeDraft({ id: w.f.orgs.sct.id, name: 'Sở Công Thương' }) },
  }),
  'POST /api/plan-drafts/:id/confirm': () => ({ none: true }),
  'POST /api/plan-drafts/:id/discard': () => ({ none: true }),
  'POST /api/plans/:id/revisions': () => ({
    json: {
      reason: 'Thử quyền sửa kế hoạch',
      document: null,
      change: {
        kind: 'plan_update',
        fields: {
          number: null,
          title: `Kế hoạch ma trận ${unique()}`,
          issuer: null,
          place: null,
          issuedOn: null,
        },
      },
    },
  }),
  'POST /api/tasks/:id/requests': () => ({
    json: { kind: 'extend', newDeadline: daysFromToday(400), reason: 'Thử quyền gửi đề nghị' },
  }),
  'POST /api/tasks/:id/request-files': (w) => ({ upload: { filename: 'de-nghi.pdf', bytes: w.pdf } }),
  'POST /api/plans/:id/task-requests/:requestId/decision': () => ({
    json: { decision: 'refuse', reason: 'Thử quyền duyệt đề nghị' },
  }),
  'PATCH /api/indicators/:id': (w) => ({
    json: {
      code: 'CS_X',
      name: 'Chỉ số sửa',
      unit: '%',
      definition: null,
      valueKind: 'level',
      ownerOrgId: w.orgOf.own,
    },
  }),
  'POST /api/indicators/:id/values': () => ({
    json: { year: THIS_YEAR - 1, value: 2, status: 'estimate', source: 'Báo cáo thử' },
  }),
  'POST /api/indicator-values/:id/review': () => ({ json: { decision: 'accept' } }),
  'POST /api/plans/:id/indicator-values/import': (w) => ({
    upload: { filename: 'so-lieu.xlsx', bytes: w.xlsx },
  }),
  'POST /api/plans/:id/reporting-periods': () => ({
    json: { kind: 'annual', year: THIS_YEAR, dueOn: daysFromToday(10) },
  }),
  'POST /api/reporting-periods/:id/extend': () => ({
    json: { dueOn: daysFromToday(20), reason: 'Gia hạn thử' },
  }),
  'PATCH /api/reports/:id': () => ({ json: { version: 1, summary: '<p>Tóm tắt</p>' } }),
  'POST /api/reports/:id/submit': () => ({ json: { version: 1 } }),
  'POST /api/reports/:id/accept': () => ({ json: { version: 1 } }),
  'POST /api/reports/:id/return': () => ({ json: { version: 1, reason: 'Thiếu số liệu năm' } }),
  'POST /api/reports/:id/entries/:entryId/review': () => ({
    json: { version: 1, decision: 'return', comment: 'Thiếu số liệu của nhiệm vụ' },
  }),
  'POST /api/reports/:id/entries/:entryId/resubmit': () => ({
    json: { version: 1, entry: { progress: 'in_progress' } },
  }),
  'POST /api/reports/:id/attachments': (w) => ({ upload: { filename: 'qd.pdf', bytes: w.pdf } }),
  'POST /api/reports/:id/signed-scans': (w) => ({ upload: { filename: 'bao-cao-da-ky.pdf', bytes: w.pdf } }),
  'POST /api/reports/:id/directives': () => ({ json: { text: 'Ý kiến chỉ đạo thử' } }),
  'POST /api/tasks/:id/directives': () => ({ json: { text: 'Ý kiến chỉ đạo thử' } }),
  'PUT /api/reporting-periods/:id/narrative/:section': () => ({
    json: { version: 0, text: 'Nội dung do cán bộ tổng hợp viết.' },
  }),
  'POST /api/reporting-periods/:id/narrative/:section/reset': () => ({ json: { version: 0 } }),
  'POST /api/reporting-periods/:id/generation-jobs': () => ({ json: { kind: 'consolidated' } }),
  'POST /api/plans/:id/review-jobs': () => ({ json: { kind: 'midterm' } }),
  'POST /api/plans/:id/amendments': (w) => ({ upload: { filename: 'van-ban-dieu-chinh.pdf', bytes: w.pdf } }),
  'POST /api/plans/:id/amendments/:amendmentId/apply': () => ({
    json: {
      reason: 'Thử quyền áp dụng văn bản điều chỉnh',
      document: { number: '1/KH-UBND', date: '2024-03-15' },
      changes: [{ kind: 'task_remove', taskId: 2147483647, effectiveOn: '2024-03-15' }],
    },
  }),
  'POST /api/plans/:id/amendments/:amendmentId/revert': () => ({ json: { reason: 'Thử quyền hoàn tác' } }),
  'POST /api/plans/:id/end/undo': () => ({ json: { reason: 'Thử quyền hoàn tác bãi bỏ' } }),
  'POST /api/plans/:id/revision-files': (w) => ({ upload: { filename: 'van-ban.pdf', bytes: w.pdf } }),
};

/** Routes that change the caller's own account: each request comes from a new user of the role. */
export const FRESH_CALLER = new Set(['POST /api/auth/password']);

/** The value of a path parameter: real ids from the world, chosen by the route and the target. */
export function paramValue(w: World, url: string, param: string, target: Target, callerId: number): string {
  const byTarget = <T>(pair: Record<Target, T>) => String(pair[target]);
  switch (param) {
    case 'versionNo':
      return '1';
    case 'scanId': // checked after the report may be read: an unknown scan of a readable report is 404
      return '1';
    case 'taskId': // the task under /api/plans/:id/tasks/:taskId
      return String(w.f.tasks.t1);
    case 'key':
      return 'so_ban_nganh';
    case 'section': // a narrative section of the consolidated report
      return 'difficulties';
    case 'jobId': // a generation job that does not exist: allowed callers get 404, refused ones 403
    case 'amendmentId': // likewise an amending document (who may change the plan is checked first)
    case 'fileId':
    case 'requestId': // a task request that does not exist: checked after the plan's rule
    case 'entryId': // an entry that does not exist: checked after the report's rule
      return '2147483647';
    case 'id':
      if (url.startsWith('/api/reports/')) return byTarget(w.report);
      if (url.startsWith('/api/attachments/')) return byTarget(w.attachment);
      if (url.startsWith('/api/reporting-periods/')) return String(w.period.id);
      // T1 is led by the reporter's agency, T2 by the other one.
      if (url === '/api/tasks/:id/requests' || url === '/api/tasks/:id/request-files')
        return byTarget({ own: w.f.tasks.t1, other: w.f.tasks.t2 });
      if (url.startsWith('/api/tasks/')) return String(w.f.tasks.t1);
      if (url.startsWith('/api/notifications/'))
        return String(w.notification[target === 'own' ? callerId : w.bystander.id]);
      if (url.startsWith('/api/users/')) return String(w.bystander.id);
      if (url.startsWith('/api/organisations/')) return String(w.spareOrg.id);
      if (url.startsWith('/api/plan-imports/')) return String(w.planImport.id);
      // An event that does not exist: allowed callers get 404, refused ones 403.
      if (url.startsWith('/api/reorganisations/')) return '2147483647';
      if (url.startsWith('/api/plan-drafts/')) return byTarget(w.handMade);
      if (url === '/api/plans/:id/publication') return byTarget(w.planOf);
      if (url === '/api/plans/:id/revisions') return byTarget(w.planOf);
      if (url === '/api/plans/:id/end/undo') return byTarget(w.planOf);
      if (url.startsWith('/api/plans/:id/amendments') || url === '/api/plans/:id/revision-files')
        return byTarget(w.planOf);
      if (url.startsWith('/api/plans/:id/task-requests/')) return byTarget(w.planOf);
      if (url.startsWith('/api/plans/')) return String(w.f.planId);
      if (url.startsWith('/api/public/plans/')) return String(w.f.planId);
      if (url.startsWith('/api/dashboard/plans/')) return String(w.f.planId);
      if (url.startsWith('/api/indicators/')) return byTarget(w.indicator);
      if (url.startsWith('/api/indicator-values/')) return String(w.valueId);
  }
  throw new Error(`no sample value for :${param} in ${url}: add one to paramValue`);
}
