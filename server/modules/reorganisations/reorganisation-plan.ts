import type { ReorganisationSpec } from '../../../shared/contracts/reorganisations';
import { foldAgencyName } from '../../../shared/domain/organisations/agency-name';
import { groupsContainingKind, ORGANISATION_GROUPS } from '../../../shared/domain/organisations/groups';
import {
  dayBefore,
  type ReorganisationKind,
  shapeProblem,
} from '../../../shared/domain/organisations/reorganisation';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import { nowIso } from '../../context';
import type { Db } from '../../db/db';
import { AppError, conflict } from '../../http/errors';
import { assertAgencyNameFree } from '../organisations/name-uniqueness';
import { insertOrganisation, type OrganisationRow } from '../organisations/organisation-repository';
import type { MoveSink } from './move-sink';
import {
  entriesOfReports,
  type OpenReportRow,
  openTaskAgencies,
  reportsOfSources,
  type TaskAgencyRow,
} from './reorganisation-repository';

export interface EventInput {
  kind: ReorganisationKind;
  effectiveOn: string;
  spec: ReorganisationSpec;
  /** The event's id, kept on the successor links it adds (0 in a preview). */
  eventId: number;
}

interface Successor {
  id: number;
  name: string;
  kind: OrganisationRow['kind'];
}

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: field, message }]);

const ROLE_LABEL = { lead: 'chủ trì', coordinator: 'phối hợp' } as const;

function taskLabel(t: TaskAgencyRow, agency: string): string {
  return `Nhiệm vụ ${t.ordinal} (${ROLE_LABEL[t.role]}, ${t.plan_number}): ${t.content.slice(0, 120)} — ${agency}`;
}

function reportLabel(r: OpenReportRow, agency: string): string {
  return `Báo cáo của ${agency}, kỳ ${r.period_title} (${r.plan_number}, hạn ${formatDateVi(r.due_on)})`;
}

/**
 * Works out an event's changes and sends each to the sink: the preview lists them, the apply writes
 * and records them. Reads only what was there before the event (the preview writes nothing), and
 * keeps what it has decided in memory (reports it re-pointed or added per period and successor).
 */
export async function planEvent(db: Db, ev: EventInput, sink: MoveSink): Promise<void> {
  if (ev.kind === 'province_merge') return planProvinceMerge(db, ev, sink);
  const all = await db.selectFrom('organisations').selectAll().execute();
  const byId = new Map(all.map((o) => [o.id, o]));
  const eff = ev.effectiveOn;
  const lastDay = dayBefore(eff);

  const sourceIds =
    ev.kind === 'level_replace'
      ? all
          .filter(
            (o) =>
              o.kind === 'ubnd_huyen' &&
              (o.valid_from === null || o.valid_from < eff) &&
              (o.valid_to === null || o.valid_to >= eff),
          )
          .map((o) => o.id)
      : [...new Set(ev.spec.sources)];
  const sources: OrganisationRow[] = [];
  for (const id of sourceIds) {
    const o = byId.get(id);
    if (!o) throw invalid('spec.sources', `Không có cơ quan mã số ${id} trong danh mục.`);
    if (o.valid_to !== null && o.valid_to < lastDay)
      throw invalid(
        'spec.sources',
        `${o.name} đã hết hiệu lực từ trước (ngày cuối ${formatDateVi(o.valid_to)}); không thể sắp xếp từ ngày ${formatDateVi(eff)}.`,
      );
    if (o.valid_from !== null && o.valid_from >= eff)
      throw invalid(
        'spec.sources',
        `${o.name} chỉ có hiệu lực từ ${formatDateVi(o.valid_from)}, sau ngày sắp xếp.`,
      );
    sources.push(o);
  }
  const successorsAsked = ev.kind === 'level_replace' ? [] : ev.spec.successors;
  const newCount = successorsAsked.filter((s) => 'create' in s).length;
  const shape = shapeProblem(ev.kind, sources.length, successorsAsked.length, newCount);
  if (shape) throw invalid(`spec.${shape.field}`, shape.message);
  if (ev.kind === 'level_replace' && sources.length === 0)
    throw invalid(
      'effectiveOn',
      `Không còn UBND cấp huyện nào có hiệu lực đến ngày ${formatDateVi(lastDay)}.`,
    );

  // Successors that exist must be in force from the effective date and not among those that end.
  const codes = new Set<string>();
  for (const s of successorsAsked) {
    if ('existingId' in s) {
      const o = byId.get(s.existingId);
      if (!o) throw invalid('spec.successors', `Không có cơ quan tiếp nhận mã số ${s.existingId}.`);
      if (sourceIds.includes(o.id))
        throw invalid('spec.successors', `${o.name} vừa bị sắp xếp vừa là cơ quan tiếp nhận.`);
      if (o.valid_to !== null && o.valid_to < eff)
        throw invalid(
          'spec.successors',
          `${o.name} đã hết hiệu lực, không thể tiếp nhận từ ${formatDateVi(eff)}.`,
        );
    } else {
      const code = s.create.code;
      if (codes.has(code) || all.some((o) => o.code === code))
        throw conflict(`Mã cơ quan "${code}" đã được dùng; hãy đặt mã khác cho ${s.create.name}.`);
      codes.add(code);
    }
  }

  // 1. The agencies that end: their last day is the day before the event.
  for (const o of sources) {
    if (o.valid_to !== null && o.valid_to <= lastDay) continue;
    await sink.update(
      'organisations',
      o.id,
      'valid_to',
      o.valid_to,
      lastDay,
      {
        subject: 'organisation',
        label: `${o.name}: hết hiệu lực, ngày cuối ${formatDateVi(lastDay)}`,
        to: null,
      },
      o.updated_at,
    );
  }
  // 2. The agencies the event creates, in force from the effective date (their names checked once the
  // old ones have ended, so "Sở Nội vụ" may be re-created under its own name).
  const successors: Successor[] = [];
  for (const s of successorsAsked) {
    if ('existingId' in s) {
      const o = byId.get(s.existingId) as OrganisationRow;
      successors.push({ id: o.id, name: o.name, kind: o.kind });
      continue;
    }
    const c = s.create;
    if (sink.applying)
      await assertAgencyNameFree(
        db,
        { name: c.name, validFrom: eff, validTo: null },
        null,
        'spec.successors',
      );
    const id = await sink.insert(
      'organisations',
      (w) =>
        insertOrganisation(w, {
          code: c.code,
          name: c.name,
          shortName: null,
          kind: c.kind,
          parentId: sources[0]?.parent_id ?? null,
          validFrom: eff,
          validTo: null,
          successorId: null,
          aliases: [],
        }),
      {
        subject: 'organisation',
        label: `Thêm ${c.name} (mã ${c.code}), hiệu lực từ ${formatDateVi(eff)}`,
        to: c.name,
      },
    );
    successors.push({ id, name: c.name, kind: c.kind });
  }
  const main = successors[0] ?? null;

  // 3. Links from each ended agency to its successors (the main one also as successor_id).
  for (const o of sources) {
    if (main && o.successor_id !== main.id)
      await sink.update(
        'organisations',
        o.id,
        'successor_id',
        o.successor_id,
        main.id,
        { subject: 'organisation', label: `${o.name} → ${main.name} (cơ quan kế thừa chính)`, to: main.name },
        o.updated_at,
      );
    for (const [i, s] of successors.entries()) {
      await sink.insert(
        'organisation_successors',
        async (w) =>
          (
            await w
              .insertInto('organisation_successors')
              .values({
                organisation_id: o.id,
                successor_id: s.id,
                is_main: i === 0 ? 1 : 0,
                note: null,
                reorganisation_id: ev.eventId || null,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        {
          subject: 'organisation',
          label: `Kế thừa: ${o.name} → ${s.name}${i === 0 ? ' (chính)' : ''}`,
          to: s.name,
        },
      );
    }
    for (const g of groupsContainingKind(o.kind)) {
      const into =
        main && groupsContainingKind(main.kind).includes(g) ? `; ${main.name} thay trong nhóm` : '';
      sink.note({
        subject: 'group',
        label: `${o.name} rời nhóm “${ORGANISATION_GROUPS[g].label}” từ ${formatDateVi(eff)}${into}`,
        to: main?.name ?? null,
      });
    }
  }

  const choiceOf = (taskAgencyId: number): number => {
    const c = ev.spec.taskChoices[String(taskAgencyId)];
    return c !== undefined && c < successors.length ? c : 0;
  };
  const nameOf = (id: number) => byId.get(id)?.name ?? successors.find((s) => s.id === id)?.name ?? `#${id}`;

  // 4. Open tasks, lead and coordinating roles.
  const tasks = await openTaskAgencies(db, sourceIds, eff, ev.kind === 'level_replace');
  const choiceByTaskRole = new Map<string, number>();
  for (const t of tasks) {
    if (t.group_key === 'ubnd_cap_huyen') {
      await sink.update('task_agencies', t.id, 'group_key', 'ubnd_cap_huyen', 'ubnd_cap_xa', {
        subject: 'task',
        label: taskLabel(t, ORGANISATION_GROUPS.ubnd_cap_huyen.label),
        to: ORGANISATION_GROUPS.ubnd_cap_xa.label,
      });
      continue;
    }
    const from = t.organisation_id === null ? '' : nameOf(t.organisation_id);
    const label = taskLabel(t, from);
    if (ev.kind === 'level_replace') {
      await sink.update('task_agencies', t.id, 'group_key', t.group_key, 'ubnd_cap_xa', {
        subject: 'task',
        label,
        to: ORGANISATION_GROUPS.ubnd_cap_xa.label,
      });
      await sink.update('task_agencies', t.id, 'organisation_id', t.organisation_id, null, {
        subject: 'task',
        label: `${label}: không còn gắn với UBND cấp huyện`,
        to: ORGANISATION_GROUPS.ubnd_cap_xa.label,
      });
      continue;
    }
    if (!main) {
      sink.note({
        subject: 'warning',
        label: `${label}: không còn cơ quan thực hiện sau khi giải thể`,
        to: null,
      });
      continue;
    }
    const index = choiceOf(t.id);
    choiceByTaskRole.set(`${t.organisation_id}:${t.task_id}:${t.role}`, index);
    const to = successors[index] as Successor;
    const meta = {
      subject: 'task' as const,
      label,
      to: to.name,
      choice: successors.length > 1 ? { taskAgencyId: t.id, successorIndex: index } : null,
    };
    // The main successor takes the task through the registry's succession (the plan's wording keeps
    // its link to the agency it named); another successor of a split is written on the task itself.
    if (index === 0) sink.handover('task_agencies', t.id, meta);
    else await sink.update('task_agencies', t.id, 'organisation_id', t.organisation_id, to.id, meta);
  }

  // 5. Reports: sent or accepted ones stay with the agency that made them; open ones due from the
  // effective date, with their drafts, go to the successor chosen for each task.
  const reports = await reportsOfSources(db, sourceIds);
  const succIds = successors.map((s) => s.id);
  const existingBySucc = await reportsOfSources(
    db,
    succIds.filter((id) => id > 0),
  );
  const target = new Map<string, number>(); // `${period}:${successor}` → report id
  for (const r of existingBySucc) target.set(`${r.period_id}:${r.organisation_id}`, r.id);
  const openReports = reports.filter(
    (r) => r.period_state === 'open' && r.due_on >= eff && (r.state === 'draft' || r.state === 'returned'),
  );
  for (const r of reports) {
    if (openReports.includes(r)) continue;
    if (r.period_state === 'open' || r.due_on >= eff)
      sink.note({
        subject: 'kept',
        label: `${reportLabel(r, nameOf(r.organisation_id))}: ${r.state === 'draft' || r.state === 'returned' ? 'hạn trước ngày sắp xếp' : 'đã gửi'}, giữ lại ở cơ quan đã lập`,
        to: null,
      });
  }
  const entries = await entriesOfReports(db, [
    ...openReports.map((r) => r.id),
    ...existingBySucc.map((r) => r.id),
  ]);
  const entriesOf = new Map<number, typeof entries>();
  for (const e of entries) entriesOf.set(e.report_id, [...(entriesOf.get(e.report_id) ?? []), e]);
  const now = nowIso();
  for (const r of openReports) {
    const agency = nameOf(r.organisation_id);
    const label = reportLabel(r, agency);
    const own = entriesOf.get(r.id) ?? [];
    if (!main) {
      if (r.history) {
        sink.note({
          subject: 'warning',
          label: `${label}: đã gửi và bị trả lại, không có cơ quan tiếp nhận — giữ nguyên`,
          to: null,
        });
        continue;
      }
      for (const e of own)
        await sink.remove('report_entries', e.id, {
          subject: 'entry',
          label: `${label}: bỏ nội dung nhiệm vụ ${e.ordinal}`,
          to: null,
        });
      await sink.remove('reports', r.id, {
        subject: 'report',
        label: `${label}: bỏ báo cáo chưa gửi (cơ quan không còn)`,
        to: null,
      });
      continue;
    }
    const indexOf = (e: (typeof own)[number]) =>
      choiceByTaskRole.get(
        `${r.organisation_id}:${e.task_id}:${e.role === 'lead' ? 'lead' : 'coordinator'}`,
      ) ?? 0;
    let repointed = false;
    if (!target.has(`${r.period_id}:${main.id}`)) {
      await sink.update(
        'reports',
        r.id,
        'organisation_id',
        r.organisation_id,
        main.id,
        { subject: 'report', label, to: main.name },
        r.updated_at,
      );
      target.set(`${r.period_id}:${main.id}`, r.id);
      repointed = true;
    }
    for (const e of own) {
      const to = successors[indexOf(e)] as Successor;
      const key = `${r.period_id}:${to.id}`;
      let into = target.get(key);
      if (into === r.id) continue;
      if (into === undefined) {
        into = await sink.insert(
          'reports',
          async (w) =>
            (
              await w
                .insertInto('reports')
                .values({
                  period_id: r.period_id,
                  organisation_id: to.id,
                  state: 'draft',
                  version: 1,
                  late: 0,
                  created_at: now,
                  updated_at: now,
                })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
          {
            subject: 'report',
            label: `Báo cáo của ${to.name}, kỳ ${r.period_title} (${r.plan_number})`,
            to: to.name,
          },
        );
        target.set(key, into);
      }
      const there = (entriesOf.get(into) ?? []).find((x) => x.task_id === e.task_id);
      const entryLabel = `${label}, nhiệm vụ ${e.ordinal}`;
      if (there) {
        // One entry per task and report: the one with content is kept.
        const keepMoved = e.has_content && !there.has_content;
        const drop = keepMoved ? there : e;
        await sink.remove('report_entries', drop.id, {
          subject: 'entry',
          label: `${entryLabel}: ${to.name} đã có dòng cho nhiệm vụ này, bỏ dòng ${keepMoved ? `trống của ${to.name}` : 'trùng'}`,
          to: to.name,
        });
        if (!keepMoved) continue;
        entriesOf.set(
          into,
          (entriesOf.get(into) ?? []).filter((x) => x !== there),
        );
      }
      await sink.update(
        'report_entries',
        e.id,
        'report_id',
        r.id,
        into,
        { subject: 'entry', label: entryLabel, to: to.name },
        e.updated_at,
      );
      entriesOf.set(into, [...(entriesOf.get(into) ?? []), e]);
    }
    if (!repointed) {
      if (r.history)
        sink.note({
          subject: 'warning',
          label: `${label}: đã gửi và bị trả lại nên được giữ (không còn nội dung); ${main.name} đã có báo cáo kỳ này`,
          to: main.name,
        });
      else
        await sink.remove('reports', r.id, {
          subject: 'report',
          label: `${label}: đã chuyển hết nội dung sang ${main.name}, bỏ báo cáo trống`,
          to: main.name,
        });
    }
  }

  // 6. Indicators owned, with their values waiting for acceptance; 7. plans consolidated; 8. users.
  const indicators =
    sourceIds.length === 0
      ? []
      : await db
          .selectFrom('indicators as i')
          .innerJoin('plans as p', 'p.id', 'i.plan_id')
          .select((eb) => [
            'i.id',
            'i.name',
            'i.owner_org_id',
            'p.number',
            eb
              .selectFrom('indicator_values as v')
              .select((c) => c.fn.countAll<number>().as('n'))
              .whereRef('v.indicator_id', '=', 'i.id')
              .where('v.review_state', '=', 'pending')
              .as('pending'),
          ])
          .where('i.owner_org_id', 'in', sourceIds)
          .orderBy('i.id')
          .execute();
  for (const i of indicators) {
    const label = `Chỉ số “${i.name}” (${i.number})${Number(i.pending) > 0 ? `, ${i.pending} số liệu chờ tiếp nhận` : ''}`;
    if (main)
      await sink.update('indicators', i.id, 'owner_org_id', i.owner_org_id, main.id, {
        subject: 'indicator',
        label,
        to: main.name,
      });
    else sink.note({ subject: 'warning', label: `${label}: chưa có cơ quan nhập số liệu`, to: null });
  }
  const plans =
    sourceIds.length === 0
      ? []
      : await db
          .selectFrom('plans')
          .select(['id', 'number', 'title', 'consolidator_org_id'])
          .where('consolidator_org_id', 'in', sourceIds)
          .orderBy('id')
          .execute();
  for (const p of plans) {
    const label = `Kế hoạch ${p.number}: cơ quan chủ trì tổng hợp`;
    if (main)
      await sink.update('plans', p.id, 'consolidator_org_id', p.consolidator_org_id, main.id, {
        subject: 'plan',
        label,
        to: main.name,
      });
    else sink.note({ subject: 'warning', label: `${label} — chưa có cơ quan thay`, to: null });
  }
  const users =
    sourceIds.length === 0
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'full_name', 'username', 'organisation_id', 'updated_at', 'active'])
          .where('organisation_id', 'in', sourceIds)
          .orderBy('id')
          .execute();
  for (const u of users) {
    const label = `${u.full_name} (${u.username}), ${nameOf(u.organisation_id)}${u.active ? '' : ' — đã khóa'}`;
    if (main)
      await sink.update(
        'users',
        u.id,
        'organisation_id',
        u.organisation_id,
        main.id,
        { subject: 'user', label, to: main.name },
        u.updated_at,
      );
    else sink.note({ subject: 'warning', label: `${label}: cần chuyển sang cơ quan khác`, to: null });
  }
}

/**
 * Two provinces become one: the other province's registry joins this one. Its departments that match
 * one of ours (same name, or the provincial committee) are recorded as ended the day before, with ours
 * as successor; its other agencies (communes) join as they are. A code already used here is given the
 * prefix ("TB.STC"), a commune name already used gets the province's name in brackets.
 */
async function planProvinceMerge(db: Db, ev: EventInput, sink: MoveSink): Promise<void> {
  const inc = ev.spec.incoming;
  if (!inc) throw invalid('spec.incoming', 'Hợp nhất tỉnh cần danh mục cơ quan của tỉnh hợp nhất vào.');
  const eff = ev.effectiveOn;
  const lastDay = dayBefore(eff);
  const all = await db.selectFrom('organisations').selectAll().execute();
  const live = all.filter(
    (o) => (o.valid_from === null || o.valid_from <= eff) && (o.valid_to === null || o.valid_to >= eff),
  );
  const liveByName = new Map(live.map((o) => [o.name_folded ?? foldAgencyName(o.name), o]));
  const provincial = live.filter((o) => o.kind === 'ubnd_tinh');
  const codes = new Set(all.map((o) => o.code));
  const names = new Set(live.map((o) => o.name_folded ?? foldAgencyName(o.name)));
  const seen = new Set<string>();
  for (const [line, a] of inc.agencies.entries()) {
    if (seen.has(a.code))
      throw invalid(
        `spec.incoming.agencies.${line}`,
        `Dòng ${line + 1}: mã "${a.code}" lặp lại trong danh mục của tỉnh ${inc.provinceName}.`,
      );
    seen.add(a.code);
  }
  for (const a of inc.agencies) {
    let code = a.code;
    if (codes.has(code)) {
      code = `${inc.codePrefix}.${a.code}`;
      for (let n = 2; codes.has(code); n++) code = `${inc.codePrefix}.${a.code}-${n}`;
    }
    codes.add(code);
    const renamed = code === a.code ? '' : ` (mã ${a.code} trùng, đổi thành ${code})`;
    const match =
      a.kind === 'ubnd_tinh'
        ? provincial.length === 1
          ? provincial[0]
          : undefined
        : a.kind === 'ubnd_xa'
          ? undefined
          : liveByName.get(foldAgencyName(a.name));
    if (match) {
      const name = foldAgencyName(a.name).includes(foldAgencyName(inc.provinceName))
        ? a.name
        : `${a.name} tỉnh ${inc.provinceName}`;
      const id = await sink.insert(
        'organisations',
        (w) =>
          insertOrganisation(w, {
            code,
            name,
            shortName: null,
            kind: a.kind,
            parentId: null,
            validFrom: null,
            validTo: lastDay,
            successorId: match.id,
            aliases: [],
          }),
        {
          subject: 'organisation',
          label: `${name}${renamed}: hợp nhất vào ${match.name}, ngày cuối ${formatDateVi(lastDay)}`,
          to: match.name,
        },
      );
      await sink.insert(
        'organisation_successors',
        async (w) =>
          (
            await w
              .insertInto('organisation_successors')
              .values({
                organisation_id: id,
                successor_id: match.id,
                is_main: 1,
                note: null,
                reorganisation_id: ev.eventId || null,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        { subject: 'organisation', label: `Kế thừa: ${name} → ${match.name}`, to: match.name },
      );
      continue;
    }
    let name = a.name;
    if (names.has(foldAgencyName(name))) name = `${a.name} (${inc.provinceName})`;
    names.add(foldAgencyName(name));
    await sink.insert(
      'organisations',
      (w) =>
        insertOrganisation(w, {
          code,
          name,
          shortName: null,
          kind: a.kind,
          parentId: null,
          validFrom: null,
          validTo: null,
          successorId: null,
          aliases: [],
        }),
      { subject: 'organisation', label: `Thêm ${name}${renamed} vào danh mục chung`, to: null },
    );
  }
}
