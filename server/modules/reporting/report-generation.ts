import type { EntryRole } from '../../../shared/contracts/reporting';
import {
  ORGANISATION_GROUPS,
  type OrganisationGroupKey,
  resolveGroup,
} from '../../../shared/domain/organisations/groups';
import type { OrganisationKind } from '../../../shared/domain/organisations/kinds';
import { isValidOn } from '../../../shared/domain/organisations/validity';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import { occursInReportYear } from '../../../shared/domain/task-status/report-occurrence';
import type { Db } from '../../db/db';
import { chunks } from '../../lib/chunks';
import { deadlineChanges, tasksAsOf, yearSpan } from '../plans/task-in-force';
import { deadlineOf } from '../plans/task-mapper';
import { recountEntries } from './report-repository';

export interface GenerationPeriod {
  id: number;
  plan_id: number;
  year: number;
  due_on: string;
}

interface OrgRow {
  id: number;
  kind: OrganisationKind;
  validFrom: string | null;
  validTo: string | null;
  successorId: number | null;
}

/** An agency named directly that no longer exists on the date passes its tasks to its successor. */
function currentOrganisation(id: number, byId: Map<number, OrgRow>, date: string): number | null {
  let org = byId.get(id);
  for (let hops = 0; org && hops < 10; hops++) {
    if (isValidOn(org, date)) return org.id;
    org = org.successorId === null ? undefined : byId.get(org.successorId);
  }
  return null;
}

/**
 * Which agency reports on which task in a period, as lead or support. A task counts when it occurs in
 * the period's year (occursInReportYear: recurring every year of its range, one-off until the year an
 * accepted report completed it). Named groups resolve to the agencies of their kinds on the due date.
 * An agency that leads a task is never also listed as supporting it.
 */
interface Assignments {
  byOrganisation: Map<number, Map<number, 'lead' | 'support'>>;
  /** Tasks of the period given to a named group that names nobody on the due date, by group. */
  emptyGroups: Map<OrganisationGroupKey, Set<number>>;
  /** Tasks of the period named for an agency that no longer exists and has no successor then, by agency. */
  goneAgencies: Map<number, Set<number>>;
}

async function assignments(db: Db, period: GenerationPeriod): Promise<Assignments> {
  const plan = await db
    .selectFrom('plans')
    .select(['issued_on'])
    .where('id', '=', period.plan_id)
    .executeTakeFirst();
  const planStartYear = plan?.issued_on ? Number(plan.issued_on.slice(0, 4)) : undefined;
  const [planTasks, agencies, orgs, completions] = await Promise.all([
    db
      .selectFrom('tasks')
      .select([
        'id',
        'deadline_kind',
        'deadline_from',
        'deadline_to',
        'deadline_text',
        'added_on',
        'removed_on',
      ])
      .where('plan_id', '=', period.plan_id)
      .execute(),
    db
      .selectFrom('task_agencies')
      .innerJoin('tasks', 'tasks.id', 'task_agencies.task_id')
      .select([
        'task_agencies.task_id',
        'task_agencies.role',
        'task_agencies.organisation_id',
        'task_agencies.group_key',
      ])
      .where('tasks.plan_id', '=', period.plan_id)
      .execute(),
    db
      .selectFrom('organisations')
      .select(['id', 'name', 'kind', 'valid_from', 'valid_to', 'successor_id'])
      .execute(),
    db
      .selectFrom('report_entries')
      .innerJoin('reports', 'reports.id', 'report_entries.report_id')
      .innerJoin('reporting_periods', 'reporting_periods.id', 'reports.period_id')
      .select(['report_entries.task_id', (eb) => eb.fn.min<number>('reporting_periods.year').as('year')])
      .where('reporting_periods.plan_id', '=', period.plan_id)
      .where('reports.state', '=', 'accepted')
      .where('report_entries.progress', '=', 'completed')
      .where('report_entries.role', '=', 'lead')
      .groupBy('report_entries.task_id')
      .execute(),
  ]);
  // The plan as of the period's year (plans/task-in-force.ts): a task added after it or removed before
  // it gets no entries, and a task's deadline is the one in force at the year's end. Entries already
  // made stay.
  const tasks = tasksAsOf(
    planTasks,
    await deadlineChanges(
      db,
      planTasks.map((t) => t.id),
    ),
    yearSpan(period.year),
  );
  const orgRows: OrgRow[] = orgs.map((o) => ({
    id: o.id,
    kind: o.kind,
    validFrom: o.valid_from,
    validTo: o.valid_to,
    successorId: o.successor_id,
  }));
  const byId = new Map(orgRows.map((o) => [o.id, o]));
  const completedYear = new Map(completions.map((c) => [c.task_id, Number(c.year)]));
  const groupCache = new Map<OrganisationGroupKey, number[]>();
  const groupMembers = (key: OrganisationGroupKey) => {
    let ids = groupCache.get(key);
    if (!ids) {
      ids = resolveGroup(key, orgRows, period.due_on).map((o) => o.id);
      groupCache.set(key, ids);
    }
    return ids;
  };
  const agenciesByTask = new Map<number, typeof agencies>();
  for (const a of agencies) agenciesByTask.set(a.task_id, [...(agenciesByTask.get(a.task_id) ?? []), a]);

  const result = new Map<number, Map<number, 'lead' | 'support'>>();
  const emptyGroups = new Map<OrganisationGroupKey, Set<number>>();
  const goneAgencies = new Map<number, Set<number>>();
  const note = <K>(map: Map<K, Set<number>>, key: K, taskId: number) =>
    map.set(key, (map.get(key) ?? new Set()).add(taskId));
  for (const t of tasks) {
    const occurs = occursInReportYear(deadlineOf(t), period.year, {
      ...(planStartYear ? { planStartYear } : {}),
      completedYear: completedYear.get(t.id) ?? null,
    });
    if (!occurs) continue;
    for (const a of agenciesByTask.get(t.id) ?? []) {
      const role = a.role === 'lead' ? 'lead' : 'support';
      const orgIds =
        a.organisation_id !== null
          ? [currentOrganisation(a.organisation_id, byId, period.due_on)].filter(
              (x): x is number => x !== null,
            )
          : a.group_key
            ? groupMembers(a.group_key)
            : [];
      if (orgIds.length === 0 && a.group_key !== null && ORGANISATION_GROUPS[a.group_key].kinds.length > 0)
        note(emptyGroups, a.group_key, t.id);
      if (orgIds.length === 0 && a.organisation_id !== null) note(goneAgencies, a.organisation_id, t.id);
      for (const orgId of orgIds) {
        let tasksOfOrg = result.get(orgId);
        if (!tasksOfOrg) {
          tasksOfOrg = new Map();
          result.set(orgId, tasksOfOrg);
        }
        if (tasksOfOrg.get(t.id) !== 'lead') tasksOfOrg.set(t.id, role);
      }
    }
  }
  return { byOrganisation: result, emptyGroups, goneAgencies };
}

/** What a generation could not hand to any agency, in Vietnamese, for the coordinator opening the period. */
async function coverageWarnings(db: Db, a: Assignments, dueOn: string): Promise<string[]> {
  const date = formatDateVi(dueOn);
  const out = [...a.emptyGroups].map(
    ([key, taskIds]) =>
      `Nhóm “${ORGANISATION_GROUPS[key].label}” không gồm cơ quan nào trong danh mục vào ngày ${date} (hạn nộp báo cáo): ${taskIds.size} nhiệm vụ giao cho nhóm này không có cơ quan nào báo cáo. Hãy bổ sung các cơ quan vào danh mục (ví dụ nạp danh sách xã, phường) hoặc giao lại nhiệm vụ, rồi cập nhật kỳ báo cáo.`,
  );
  if (a.goneAgencies.size > 0) {
    const names = await db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('id', 'in', [...a.goneAgencies.keys()])
      .execute();
    for (const n of names) {
      out.push(
        `${n.name} không còn hoạt động vào ngày ${date} và chưa có cơ quan kế thừa trong danh mục: ${a.goneAgencies.get(n.id)!.size} nhiệm vụ của cơ quan này không có ai báo cáo.`,
      );
    }
  }
  return out;
}

/**
 * Creates the reports of a period and the entries of its open reports. Idempotent: run again (after
 * tasks or agencies were added) it only adds what is missing; submitted and accepted reports are
 * left as they are, and nothing is ever removed.
 */
export async function generateReports(
  db: Db,
  period: GenerationPeriod,
  now: string,
): Promise<{ reportsCreated: number; entriesCreated: number; warnings: string[] }> {
  const assigned = await assignments(db, period);
  const wanted = assigned.byOrganisation;
  const warnings = await coverageWarnings(db, assigned, period.due_on);
  await db
    .updateTable('reporting_periods')
    .set({ coverage_warnings_json: JSON.stringify(warnings) })
    .where('id', '=', period.id)
    .execute();
  const positions = new Map(
    (
      await db.selectFrom('tasks').select(['id', 'position']).where('plan_id', '=', period.plan_id).execute()
    ).map((t) => [t.id, t.position]),
  );
  const existing = await db
    .selectFrom('reports')
    .select(['id', 'organisation_id', 'state'])
    .where('period_id', '=', period.id)
    .execute();
  const reportByOrg = new Map(existing.map((r) => [r.organisation_id, r]));
  let reportsCreated = 0;
  for (const orgId of wanted.keys()) {
    if (reportByOrg.has(orgId)) continue;
    const row = await db
      .insertInto('reports')
      .values({
        period_id: period.id,
        organisation_id: orgId,
        state: 'draft',
        version: 1,
        late: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    reportByOrg.set(orgId, { id: row.id, organisation_id: orgId, state: 'draft' });
    reportsCreated += 1;
  }
  const openReports = [...reportByOrg.values()].filter((r) => r.state === 'draft' || r.state === 'returned');
  const present = new Set(
    openReports.length === 0
      ? []
      : (
          await db
            .selectFrom('report_entries')
            .select(['report_id', 'task_id'])
            .where(
              'report_id',
              'in',
              openReports.map((r) => r.id),
            )
            .execute()
        ).map((e) => `${e.report_id}:${e.task_id}`),
  );
  const rows: {
    report_id: number;
    task_id: number;
    role: EntryRole;
    position: number;
    updated_at: string;
  }[] = [];
  for (const r of openReports) {
    for (const [taskId, role] of wanted.get(r.organisation_id) ?? []) {
      if (present.has(`${r.id}:${taskId}`)) continue;
      rows.push({
        report_id: r.id,
        task_id: taskId,
        role,
        position: positions.get(taskId) ?? 0,
        updated_at: now,
      });
    }
  }
  for (const part of chunks(rows)) await db.insertInto('report_entries').values(part).execute();
  await recountEntries(db, [...new Set(rows.map((r) => r.report_id))]);
  return { reportsCreated, entriesCreated: rows.length, warnings };
}
