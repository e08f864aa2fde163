import type { LeadAgency } from '../../../shared/contracts/dashboard';
import type { AgencyAs } from '../../../shared/contracts/organisations';
import { TASK_STATUS_CODES, type TaskStatusCode } from '../../../shared/domain/task-status/categories';
import { answeringOn, type Succession } from '../organisations/succession-repository';
import type { LeadAgencyRow } from './dashboard-repository';

/** What a task with no lead agency is counted under. */
export const NO_LEAD = 'Chưa xác định cơ quan chủ trì';

/**
 * A lead agency as it is now: an agency that ended before `today` and passed its work to a successor
 * shows the successor's name (and its own as the former one). The id stays the one the plan names, so
 * a drill-down finds the same tasks in the task list.
 */
export function leadAgencyNow(r: LeadAgencyRow, today: string): LeadAgency {
  const ended = r.valid_to !== null && r.valid_to < today && r.successor_name !== null;
  if (ended)
    return {
      organisationId: r.organisation_id,
      name: r.successor_name!,
      formerName: r.name,
      currentName: null,
    };
  return {
    organisationId: r.organisation_id,
    name: r.name ?? r.agency_text,
    formerName: null,
    currentName: null,
  };
}

/**
 * An agency as the dashboard counts it (issue 14): as now, the agencies answering for its work today
 * (its successor once merged, through `answeringOn`), each carrying the name the plan used; as the plan
 * named it, the agency itself with the successor as "nay là …".
 */
export function agencyAs(
  as: AgencyAs,
  id: number,
  name: string,
  succession: Succession,
  today: string,
): LeadAgency[] {
  const moved = (answeringOn(succession, [id], today).get(id) ?? [id]).filter((t) => t !== id);
  if (moved.length === 0) return [{ organisationId: id, name, formerName: null, currentName: null }];
  const nameOf = (t: number) => succession.get(t)?.name ?? '';
  if (as === 'plan')
    return [{ organisationId: id, name, formerName: null, currentName: moved.map(nameOf).join(', ') }];
  return moved.map((t) => ({ organisationId: t, name: nameOf(t), formerName: name, currentName: null }));
}

/** Each task's lead agencies as counted; one agency leading twice as now (itself and a merged one) counts once. */
export function leadsByTask(
  rows: readonly LeadAgencyRow[],
  succession: Succession,
  today: string,
  as: AgencyAs,
): Map<number, LeadAgency[]> {
  const out = new Map<number, LeadAgency[]>();
  for (const r of rows) {
    const list = out.get(r.task_id) ?? [];
    const agencies =
      r.organisation_id === null
        ? [{ organisationId: null, name: r.agency_text, formerName: null, currentName: null }]
        : agencyAs(as, r.organisation_id, r.name ?? r.agency_text, succession, today);
    for (const a of agencies) {
      const same = a.organisationId !== null && list.find((l) => l.organisationId === a.organisationId);
      if (!same) list.push(a);
      else if (same.formerName === null) same.formerName = a.formerName;
    }
    out.set(r.task_id, list);
  }
  return out;
}

/**
 * One collator for every comparison: `localeCompare(…, 'vi')` builds a new one on each call, which on a
 * national plan (hundreds of lead agencies, thousands of comparisons) cost ~10 ms per dashboard.
 */
export const byVietnameseName = new Intl.Collator('vi').compare;

const emptyCounts = () =>
  Object.fromEntries(TASK_STATUS_CODES.map((c) => [c, 0])) as Record<TaskStatusCode, number>;

/**
 * Tasks by lead agency and status. A task led by two agencies counts for each (each answers for it);
 * agencies with the most tasks first.
 */
export function countByLeadAgency(
  tasks: readonly { taskId: number; code: TaskStatusCode }[],
  leads: Map<number, LeadAgency[]>,
) {
  const rows = new Map<
    string,
    { agency: LeadAgency; counts: Record<TaskStatusCode, number>; total: number }
  >();
  for (const t of tasks) {
    const list = leads.get(t.taskId) ?? [
      { organisationId: null, name: NO_LEAD, formerName: null, currentName: null },
    ];
    for (const agency of list) {
      const key = agency.organisationId !== null ? `o${agency.organisationId}` : `t${agency.name}`;
      const row = rows.get(key) ?? { agency: { ...agency }, counts: emptyCounts(), total: 0 };
      // As now, a row gathers the agency's own tasks and those of the agencies merged into it.
      if (agency.formerName && !(row.agency.formerName ?? '').split(', ').includes(agency.formerName))
        row.agency.formerName = row.agency.formerName
          ? `${row.agency.formerName}, ${agency.formerName}`
          : agency.formerName;
      row.counts[t.code] += 1;
      row.total += 1;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) => b.total - a.total || byVietnameseName(a.agency.name, b.agency.name),
  );
}
