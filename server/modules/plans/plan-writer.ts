import type { Kysely } from 'kysely';
import { PLAN_KIND_LABELS } from '../../../shared/contracts/plan-draft';
import type { AgencyResolution, ReviewDraft } from '../../../shared/contracts/plan-import';
import { searchKey } from '../../../shared/domain/text/normalize';
import { nowIso } from '../../context';
import type { Database, TaskAgenciesTable } from '../../db/schema';

/** Registry link of a confirmed agency name: an organisation, a named group, or text only. */
export interface AgencyLink {
  organisationId: number | null;
  groupKey: TaskAgenciesTable['group_key'];
}

export type LinkResolver = (r: AgencyResolution) => AgencyLink;

const linkColumns = (l: AgencyLink) => ({ organisation_id: l.organisationId, group_key: l.groupKey });

/**
 * Writes a confirmed draft as a plan with its targets, duties, tasks and task agencies.
 * Runs inside the caller's transaction so a plan is saved whole or not at all.
 */
export async function insertPlan(
  db: Kysely<Database>,
  draft: ReviewDraft,
  link: LinkResolver,
  meta: { documentId: number | null; importId: number; createdBy: number | null },
): Promise<number> {
  const consolidator = draft.consolidatorResolution ? link(draft.consolidatorResolution) : null;
  // Registry names of linked agencies go into the task search too: "Sở KH&ĐT" in the text is found
  // by "ke hoach dau tu", and a group's members by their own names.
  const names = new Map(
    (await db.selectFrom('organisations').select(['id', 'name']).execute()).map((o) => [o.id, o.name]),
  );
  const linkedNames = (links: { resolution: AgencyResolution }[]) =>
    links.flatMap((l) => {
      const id = link(l.resolution).organisationId;
      return id !== null && names.has(id) ? [names.get(id)!] : [];
    });
  const plan = await db
    .insertInto('plans')
    .values({
      number: draft.number,
      issuer: draft.issuer,
      place: draft.place,
      issued_on: draft.issuedOn,
      title: draft.title,
      basis_json: JSON.stringify(draft.basis),
      sections_json: JSON.stringify(draft.sections),
      regime_json: draft.regime ? JSON.stringify(draft.regime) : null,
      consolidator_org_id: consolidator?.organisationId ?? null,
      document_id: meta.documentId,
      import_id: meta.importId,
      // The kind's name is searchable: "quyết định", "chương trình hành động" find those plans.
      search_key: searchKey(
        `${draft.number ?? ''} ${draft.title} ${draft.issuer ?? ''} ${PLAN_KIND_LABELS[draft.kind ?? 'plan']}`,
      ),
      kind: draft.kind ?? 'plan',
      from_year: draft.span?.fromYear ?? null,
      to_year: draft.span?.toYear ?? null,
      // Every task below is written in this transaction; the plan list reads the count from here.
      task_count: draft.tasks.length,
      created_by: meta.createdBy,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const planId = plan.id;

  if (draft.targets.length > 0) {
    await db
      .insertInto('plan_targets')
      .values(
        draft.targets.map((t, i) => ({
          plan_id: planId,
          ordinal: i + 1,
          text: t.text,
          subject: t.subject,
          kind: t.kind,
          min_value: t.min,
          max_value: t.max,
          unit: t.unit,
          from_year: t.fromYear,
          to_year: t.toYear,
          approximate: t.approximate ? 1 : 0,
        })),
      )
      .execute();
  }

  for (const d of draft.duties) {
    const duty = await db
      .insertInto('plan_duties')
      .values({
        plan_id: planId,
        ordinal: d.ordinal,
        agency_text: d.agencyText,
        paragraphs_json: JSON.stringify(d.paragraphs),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (d.agencies.length === 0) continue;
    await db
      .insertInto('plan_duty_agencies')
      .values(
        d.agencies.map((a, position) => ({
          duty_id: duty.id,
          position,
          agency_text: a.text,
          ...linkColumns(link(a.resolution)),
        })),
      )
      .execute();
  }

  for (const [position, t] of draft.tasks.entries()) {
    const task = await db
      .insertInto('tasks')
      .values({
        plan_id: planId,
        position,
        ordinal: t.ordinal,
        group_label: t.group,
        content: t.content,
        product: t.product,
        deadline_kind: t.deadline.kind,
        deadline_from: t.deadline.from,
        deadline_to: t.deadline.to,
        deadline_text: t.deadline.text,
        extra_json: t.extra && t.extra.length > 0 ? JSON.stringify(t.extra) : null,
        search_key: searchKey(
          [
            t.ordinal,
            t.content,
            t.product ?? '',
            t.lead,
            ...t.coordinators,
            ...(t.extra ?? []).map((field) => field.text),
            ...linkedNames([...t.leads, ...t.coordinatorLinks]),
          ].join(' '),
        ),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const agencies = [
      ...t.leads.map((a) => ({ role: 'lead' as const, ...a })),
      ...t.coordinatorLinks.map((a) => ({ role: 'coordinator' as const, ...a })),
    ];
    if (agencies.length === 0) continue;
    await db
      .insertInto('task_agencies')
      .values(
        agencies.map((a, position) => ({
          task_id: task.id,
          role: a.role,
          position,
          agency_text: a.text,
          ...linkColumns(link(a.resolution)),
        })),
      )
      .execute();
  }
  return planId;
}
