import type { Deadline, PlanRegime, PlanTarget } from '../../shared/contracts/plan-draft';
import {
  type AgencyLinkDraft,
  confirmImportResponseSchema,
  planImportSchema,
  type ReviewDraft,
} from '../../shared/contracts/plan-import';
import { taskListResponseSchema } from '../../shared/contracts/plans';
import {
  type Period,
  type PeriodKind,
  periodSchema,
  type ReportDetail,
  type ReportState,
  reportDetailSchema,
  reportListResponseSchema,
  type SaveReportRequest,
} from '../../shared/contracts/reporting';
import type { Role } from '../../shared/domain/auth/roles';
import type { OrganisationGroupKey } from '../../shared/domain/organisations/groups';
import type { OrganisationKind } from '../../shared/domain/organisations/kinds';
import { type AppContext, systemContext } from '../context';
import { insertOrganisation } from '../modules/organisations/organisation-repository';
import { createUser } from '../modules/users/user-service';
import { expectBody } from './expect-body';
import type { Agent, TestServer } from './http-agent';

let seq = 0;
const next = () => ++seq;

export async function buildOrganisation(
  ctx: AppContext,
  o: {
    code?: string;
    name?: string;
    kind?: OrganisationKind;
    validFrom?: string;
    validTo?: string;
    aliases?: string[];
  } = {},
): Promise<{ id: number; code: string; name: string }> {
  const n = next();
  const code = o.code ?? `ORG_${n}`;
  const name = o.name ?? `Sở Thử nghiệm ${n}`;
  const id = await insertOrganisation(ctx.db, {
    code,
    name,
    shortName: null,
    kind: o.kind ?? 'so',
    parentId: null,
    validFrom: o.validFrom ?? null,
    validTo: o.validTo ?? null,
    successorId: null,
    aliases: o.aliases ?? [],
  });
  return { id, code, name };
}

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

export async function buildUser(
  ctx: AppContext,
  u: { role: Role; organisationId?: number; username?: string; fullName?: string; password?: string },
): Promise<{ id: number; username: string; password: string; organisationId: number }> {
  const organisationId = u.organisationId ?? (await buildOrganisation(ctx)).id;
  const username = u.username ?? `${u.role}${next()}`;
  const password = u.password ?? TEST_PASSWORD;
  const user = await createUser(systemContext(ctx), {
    username,
    fullName: u.fullName ?? `Người dùng ${username}`,
    role: u.role,
    organisationId,
    password,
    mustChangePassword: false,
  });
  return { id: user.id, username, password, organisationId };
}

// ---- Built through the product's own entry points (HTTP), so tests do not depend on internals ----

/** An account with a session: the user and a browser stand-in logged in as them. */
export async function buildLoggedIn(
  s: TestServer,
  u: { role: Role; organisationId?: number; username?: string; fullName?: string },
): Promise<{ user: Awaited<ReturnType<typeof buildUser>>; agent: Agent }> {
  const user = await buildUser(s.ctx, u);
  return { user, agent: await s.loginAs(user) };
}

/** An agency a task names: a registry organisation, or a named group ("Các sở, ban, ngành"). */
export type AgencyRef = { org: { id: number; name: string } } | { group: OrganisationGroupKey; text: string };

export interface TaskSpec {
  /** As the plan numbers it; by default 1, 2, … through the whole table. */
  ordinal?: string;
  content?: string;
  group?: string | null;
  product?: string | null;
  deadline?: Deadline;
  leads: AgencyRef[];
  coordinators?: AgencyRef[];
}

export interface PlanSpec {
  number?: string;
  title?: string;
  issuer?: string;
  issuedOn?: string;
  regime?: PlanRegime | null;
  consolidator?: AgencyRef | null;
  /** The plan's targets (each becomes an indicator on confirming); none unless given. */
  targets?: PlanTarget[];
  tasks: TaskSpec[];
}

/** A short document the importer reads quickly; its draft is replaced by the spec before confirming. */
const planDocument = (number: string) => `ỦY BAN NHÂN DÂN
TỈNH THỬ NGHIỆM
Số: ${number}
Thử nghiệm, ngày 27 tháng 9 năm 2021
KẾ HOẠCH
Thử nghiệm
I. MỤC TIÊU
- Hoàn thành các nhiệm vụ.
PHỤ LỤC
| TT | Nội dung | Cơ quan chủ trì | Thời hạn |
| --- | --- | --- | --- |
| 1 | Nhiệm vụ | Cơ quan thử | 2025 |
`;

const agencyText = (a: AgencyRef) => ('org' in a ? a.org.name : a.text);
const agencyLink = (a: AgencyRef): AgencyLinkDraft => ({
  text: agencyText(a),
  resolution:
    'org' in a
      ? { type: 'organisation', organisationId: a.org.id, confidence: 1 }
      : { type: 'group', groupKey: a.group, confidence: 1 },
});

/**
 * A plan made the way an officer makes one: a document uploaded, its draft replaced by the reviewed
 * tasks of `spec` (agencies linked to the registry), and the draft confirmed. `importer` must be able
 * to import plans (a coordinator). Tasks keep the order of `spec.tasks`; their ids are returned.
 */
export async function buildPlan(
  importer: Agent,
  spec: PlanSpec,
): Promise<{ planId: number; taskIds: number[] }> {
  const n = next();
  const number = spec.number ?? `${n}/KH-TN`;
  // A document of its own (the importer continues an open draft of the same file).
  const text = planDocument(`${n}-${Date.now()}/KH-TN`);
  const imp = expectBody(
    await importer.upload('/api/plan-imports', `ke-hoach-${n}.txt`, Buffer.from(text)),
    planImportSchema,
    200,
  );
  const draft: ReviewDraft = {
    kind: 'plan',
    number,
    issuer: spec.issuer ?? 'UBND tỉnh',
    place: 'Hưng Yên',
    issuedOn: spec.issuedOn ?? '2021-09-27',
    title: spec.title ?? `Kế hoạch thử nghiệm ${n}`,
    basis: [],
    sections: [],
    targets: spec.targets ?? [],
    duties: [],
    regime: spec.regime ?? null,
    warnings: [],
    consolidatorResolution: spec.consolidator ? agencyLink(spec.consolidator).resolution : null,
    tasks: spec.tasks.map((t, i) => ({
      ordinal: t.ordinal ?? String(i + 1),
      group: t.group === undefined ? 'Nhóm nhiệm vụ thử' : t.group,
      content: t.content ?? `Nội dung nhiệm vụ ${i + 1}`,
      lead: t.leads.map(agencyText).join(', '),
      coordinators: (t.coordinators ?? []).map(agencyText),
      product: t.product === undefined ? 'Kế hoạch' : t.product,
      deadline: t.deadline ?? { kind: 'recurring', from: null, to: null, text: 'Hằng năm' },
      leads: t.leads.map(agencyLink),
      coordinatorLinks: (t.coordinators ?? []).map(agencyLink),
    })),
  };
  expectBody(
    await importer.request('PUT', `/api/plan-imports/${imp.id}/draft`, { version: imp.version, draft }),
    planImportSchema,
    200,
  );
  const { planId } = expectBody(
    await importer.post(`/api/plan-imports/${imp.id}/confirm`),
    confirmImportResponseSchema,
    200,
  );
  const tasks = expectBody(
    await importer.get(`/api/plans/${planId}/tasks?pageSize=200`),
    taskListResponseSchema,
    200,
  );
  return { planId, taskIds: tasks.items.map((t) => t.id) };
}

/** A reporting period opened by a coordinator (or the existing one, when it is already open). */
export async function openPeriod(
  coordinator: Agent,
  planId: number,
  p: { kind?: PeriodKind; year: number; dueOn?: string; title?: string },
): Promise<Period> {
  const res = await coordinator.post(`/api/plans/${planId}/reporting-periods`, { kind: 'annual', ...p });
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(`opening the period failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return expectBody(res, periodSchema);
}

/** The report an agency writes in a period, as its reporter (or anyone who may read it) opens it. */
export async function findReport(
  reader: Agent,
  periodId: number,
  organisationId: number,
): Promise<ReportDetail> {
  const list = expectBody(
    await reader.get(`/api/reports?periodId=${periodId}`),
    reportListResponseSchema,
    200,
  );
  const summary = list.items.find((r) => r.organisation.id === organisationId);
  if (!summary) throw new Error(`no report of organisation ${organisationId} in period ${periodId}`);
  return expectBody(await reader.get(`/api/reports/${summary.id}`), reportDetailSchema, 200);
}

/** Saves a draft as the report's writer would (the version is the one the caller holds). */
export async function saveReport(
  writer: Agent,
  report: { id: number; version: number },
  changes: Omit<SaveReportRequest, 'version'>,
): Promise<ReportDetail> {
  return expectBody(
    await writer.patch(`/api/reports/${report.id}`, { version: report.version, ...changes }),
    reportDetailSchema,
    200,
  );
}

/** Every lead task given a progress ("in progress" unless said), so the report can be submitted. */
export async function fillReport(
  writer: Agent,
  report: ReportDetail,
  progress: 'in_progress' | 'not_started' = 'in_progress',
): Promise<ReportDetail> {
  return saveReport(writer, report, { entries: report.lead.map((e) => ({ id: e.id, progress })) });
}

export async function submitReport(writer: Agent, report: { id: number; version: number }) {
  return expectBody(
    await writer.post(`/api/reports/${report.id}/submit`, { version: report.version }),
    reportDetailSchema,
    200,
  );
}

export async function returnReport(
  coordinator: Agent,
  report: { id: number; version: number },
  reason = 'Bổ sung số liệu',
) {
  return expectBody(
    await coordinator.post(`/api/reports/${report.id}/return`, { version: report.version, reason }),
    reportDetailSchema,
    200,
  );
}

export async function acceptReport(coordinator: Agent, report: { id: number; version: number }) {
  return expectBody(
    await coordinator.post(`/api/reports/${report.id}/accept`, { version: report.version }),
    reportDetailSchema,
    200,
  );
}

/**
 * A report brought to a given state through the workflow: `draft` as generated, `submitted` once
 * filled and sent, `returned` by the coordinator, `accepted` by the coordinator.
 */
export async function reportInState(
  writer: Agent,
  coordinator: Agent,
  report: ReportDetail,
  state: ReportState,
): Promise<ReportDetail> {
  if (state === 'draft') return report;
  const submitted = await submitReport(writer, await fillReport(writer, report));
  if (state === 'submitted') return submitted;
  if (state === 'returned') return returnReport(coordinator, submitted);
  return acceptReport(coordinator, submitted);
}
