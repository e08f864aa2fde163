import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Period, ReportDetail, ReportSummary } from '../../shared/contracts/reporting';
import type { Role } from '../../shared/domain/auth/roles';
import { emptyHandMadeDraft } from '../../shared/domain/plan-import/hand-made';
import { nowIso, systemContext } from '../context';
import type { AuthUser } from '../http/auth-state';
import { CSRF_HEADER, hashToken, SESSION_COOKIE } from '../http/authenticate';
import { insertSession } from '../modules/auth/session-repository';
import { exportPlanValues } from '../modules/indicators/xlsx-service';
import { insertImport } from '../modules/plan-import/import-repository';
import { createImport } from '../modules/plan-import/import-service';
import { daysFromToday, reportingFixture, THIS_YEAR } from '../modules/reporting/test-fixture';
import { buildOrganisation, buildUser } from './factories';
import type { TestServer } from './http-agent';

export const MATRIX_ROLES = ['admin', 'coordinator', 'reporter', 'leader'] as const satisfies readonly Role[];

/**
 * Which record a request is aimed at: for agency-scoped rules, `own` is a record of the reporter's
 * agency and `other` one of another agency (other roles are judged on the same two records); for
 * `own-user`, the caller's own record or another user's.
 */
export type Target = 'own' | 'other';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const PLAN_TEXT = readFileSync(
  path.join(import.meta.dirname, '../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt'),
);

export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * Real records for every route of the matrix, made through the factories and the API: a plan with
 * tasks, an open period with the reports of two agencies (the reporter's own, already submitted once,
 * and another agency's draft, which nobody in the matrix can change), attachments on both, an
 * indicator owned by each agency with a pending value, an import draft, notifications.
 */
export async function buildWorld(s: TestServer) {
  const f = await reportingFixture(s);
  const ctx = s.ctx;
  const callers: Record<
    (typeof MATRIX_ROLES)[number],
    { id: number; organisationId: number; username: string }
  > = {
    admin: f.users.admin,
    coordinator: f.users.coordinator,
    reporter: f.users.stcReporter,
    leader: f.users.leader,
  };
  const own = f.orgs.stc.id;
  const other = f.orgs.snn.id;

  const coordinator = await s.loginAs(f.users.coordinator);
  const stc = await s.loginAs(f.users.stcReporter);
  const snn = await s.loginAs(f.users.snnReporter);
  const opened = await coordinator.post(`/api/plans/${f.planId}/reporting-periods`, {
    kind: 'annual',
    year: THIS_YEAR,
    dueOn: daysFromToday(10),
  });
  if (opened.status !== 201) throw new Error(`open period: ${JSON.stringify(opened.body)}`);
  const period = opened.body as Period;
  const reports = (
    (await coordinator.get(`/api/reports?periodId=${period.id}`)).body as { items: ReportSummary[] }
  ).items;
  const reportOf = (org: number) => reports.find((r) => r.organisation.id === org)!.id;
  const report = { own: reportOf(own), other: reportOf(other) };
  const attachment = {
    own: ((await stc.upload(`/api/reports/${report.own}/attachments`, 'qd.pdf', PDF)).body as { id: number })
      .id,
    other: (
      (await snn.upload(`/api/reports/${report.other}/attachments`, 'qd.pdf', PDF)).body as { id: number }
    ).id,
  };
  const ownDraft = (await stc.get(`/api/reports/${report.own}`)).body as ReportDetail;
  const saved = await stc.patch(`/api/reports/${report.own}`, {
    version: ownDraft.version,
    entries: ownDraft.lead.map((e) => ({ id: e.id, progress: 'in_progress' })),
  });
  const version = (saved.body as ReportDetail).version;
  const submitted = await stc.post(`/api/reports/${report.own}/submit`, { version });
  if (submitted.status !== 200) throw new Error(`submit: ${JSON.stringify(submitted.body)}`);

  const indicator = {
    own: await insertIndicator(s, f.planId, 'CS_A', own),
    other: await insertIndicator(s, f.planId, 'CS_B', other),
  };
  const value = await ctx.db
    .insertInto('indicator_values')
    .values({
      indicator_id: indicator.own,
      year: THIS_YEAR - 1,
      value: 1,
      status: 'estimate',
      source: 'Báo cáo thử',
      source_url: null,
      note: null,
      is_sample: 0,
      entered_by: f.users.stcReporter.id,
      entered_at: nowIso(),
      review_state: 'pending',
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const xlsx = (await exportPlanValues(ctx, f.planId, daysFromToday(0))).bytes;
  const planImport = await createImport(systemContext(ctx), { filename: 'ke-hoach.txt', bytes: PLAN_TEXT });

  // A notification for every caller and one for a bystander, who is never a caller.
  const bystander = f.users.stcReporter2;
  const notification: Record<number, number> = {};
  for (const u of [...Object.values(callers), bystander]) {
    const row = await ctx.db
      .insertInto('notifications')
      .values({
        user_id: u.id,
        kind: 'directive',
        title: 'Thông báo thử',
        body: 'Nội dung thử',
        link: null,
        dedupe_key: `matrix-${u.id}`,
        created_at: nowIso(),
        read_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    notification[u.id] = row.id;
  }
  const spareOrg = await buildOrganisation(s.ctx, { kind: 'so' });
  // A second plan, consolidated by another agency than the coordinator's (routes scoped to the plan's
  // consolidating agency: publication).
  const otherPlan = await ctx.db
    .insertInto('plans')
    .values({
      number: '9/KH-UBND',
      issuer: 'UBND tỉnh',
      place: null,
      issued_on: '2022-01-10',
      title: 'Kế hoạch do cơ quan khác tổng hợp',
      basis_json: '[]',
      sections_json: '[]',
      regime_json: null,
      consolidator_org_id: other,
      document_id: null,
      import_id: null,
      search_key: 'ke hoach do co quan khac tong hop',
      created_by: null,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Plans entered by hand, one consolidated by the coordinator's agency and one by another agency.
  const handMadeDraft = (id: number, name: string) =>
    insertImport(ctx.db, {
      documentId: null,
      sourceText: '',
      draftJson: JSON.stringify(emptyHandMadeDraft({ id, name })),
      createdBy: null,
    });
  const handMade = {
    own: await handMadeDraft(f.orgs.sct.id, 'Sở Công Thương'),
    other: await handMadeDraft(other, 'Cơ quan khác'),
  } as Record<Target, number>;

  /** A new session for the caller, written straight to the table (no password hashing per request). */
  async function sessionFor(userId: number): Promise<{ cookie: string; csrf: string }> {
    const token = randomBytes(24).toString('hex');
    const csrf = randomBytes(16).toString('hex');
    await insertSession(ctx.db, {
      id: hashToken(token),
      userId,
      csrfToken: csrf,
      createdAt: nowIso(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    return { cookie: `${SESSION_COOKIE}=${token}`, csrf };
  }

  function authUserOf(role: (typeof MATRIX_ROLES)[number]): AuthUser {
    const u = callers[role];
    return {
      id: u.id,
      username: u.username,
      fullName: u.username,
      role,
      organisationId: u.organisationId,
      organisationName: '',
      mustChangePassword: false,
    };
  }

  return {
    f,
    callers,
    orgOf: { own, other } as Record<Target, number>,
    period,
    report,
    attachment,
    indicator,
    valueId: value.id,
    xlsx,
    planImport,
    handMade,
    bystander,
    notification,
    spareOrg,
    planOf: { own: f.planId, other: otherPlan.id } as Record<Target, number>,
    consolidatorOf: { own: f.orgs.sct.id, other } as Record<Target, number | null>,
    sessionFor,
    authUserOf,
    csrfHeader: CSRF_HEADER,
    pdf: PDF,
    planText: PLAN_TEXT,
    freshUser: (role: Role) => buildUser(ctx, { role, organisationId: callers.reporter.organisationId }),
  };
}

async function insertIndicator(s: TestServer, planId: number, code: string, owner: number): Promise<number> {
  const row = await s.ctx.db
    .insertInto('indicators')
    .values({
      plan_id: planId,
      code,
      name: `Chỉ số thử ${code}`,
      unit: '%',
      definition: null,
      value_kind: 'level',
      owner_org_id: owner,
      search_key: code.toLowerCase(),
      created_at: nowIso(),
      updated_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
