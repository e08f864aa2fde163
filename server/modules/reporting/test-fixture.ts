import type { DeadlineKind } from '../../../shared/contracts/plan-draft';
import type { OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import { localDate } from '../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../context';
import { nowIso } from '../../context';
import { buildOrganisation, buildUser } from '../../test/factories';
import type { TestServer } from '../../test/http-agent';

/** A date `days` after today (Vietnam calendar), for periods due in the future or the past. */
export function daysFromToday(days: number): string {
  const d = new Date(`${localDate(new Date())}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const THIS_YEAR = Number(localDate(new Date()).slice(0, 4));

/**
 * A small plan issued in 2021 with five tasks and three agencies with reporters:
 * - T1 "Năm 2022" (one-off, overdue unless completed): lead STC, support "Các sở, ban, ngành";
 * - T2 "Hằng năm": lead SNN, support STC;
 * - T3 "2021-2025": lead STC;
 * - T4 "Năm 2030": lead SNN, support "UBND các huyện…" (the district is abolished: nobody);
 * - T5 "Thường xuyên": lead the district, which passed its work to SNN on 1/7/2025.
 * Reports for the current year: STC (lead T1, T3; support T2), SNN (lead T2, T4, T5), SCT (support T1).
 */
export async function reportingFixture(s: TestServer) {
  const ctx: AppContext = s.ctx;
  const sct = await buildOrganisation(ctx, { name: 'Sở Công Thương thử', kind: 'so' });
  const stc = await buildOrganisation(ctx, { name: 'Sở Tài chính thử', kind: 'so' });
  const snn = await buildOrganisation(ctx, { name: 'Sở Nông nghiệp thử', kind: 'so' });
  const tinh = await buildOrganisation(ctx, { name: 'UBND tỉnh thử', kind: 'ubnd_tinh' });
  const huyen = await buildOrganisation(ctx, {
    name: 'UBND huyện thử',
    kind: 'ubnd_huyen',
    validTo: '2025-06-30',
  });
  await ctx.db
    .updateTable('organisations')
    .set({ successor_id: snn.id })
    .where('id', '=', huyen.id)
    .execute();

  const coordinator = await buildUser(ctx, { role: 'coordinator', organisationId: sct.id });
  const stcReporter = await buildUser(ctx, { role: 'reporter', organisationId: stc.id });
  const stcReporter2 = await buildUser(ctx, { role: 'reporter', organisationId: stc.id });
  const snnReporter = await buildUser(ctx, { role: 'reporter', organisationId: snn.id });
  const leader = await buildUser(ctx, { role: 'leader', organisationId: tinh.id });
  const admin = await buildUser(ctx, { role: 'admin', organisationId: tinh.id });

  const plan = await ctx.db
    .insertInto('plans')
    .values({
      number: '148/KH-UBND',
      issuer: 'UBND tỉnh',
      place: 'Hưng Yên',
      issued_on: '2021-09-27',
      title: 'Kế hoạch thử nghiệm báo cáo',
      basis_json: '[]',
      sections_json: '[]',
      regime_json: JSON.stringify({
        consolidator: 'Sở Công Thương',
        annualDueDay: 15,
        annualDueMonth: 12,
        midTermYear: 2023,
        finalYear: 2025,
        text: '',
      }),
      consolidator_org_id: sct.id,
      document_id: null,
      import_id: null,
      search_key: 'ke hoach thu nghiem bao cao',
      created_by: null,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const task = async (
    position: number,
    deadline: { kind: DeadlineKind; from: string | null; to: string | null; text: string },
    agencies: { role: 'lead' | 'coordinator'; org?: number; group?: OrganisationGroupKey }[],
  ) => {
    const t = await ctx.db
      .insertInto('tasks')
      .values({
        plan_id: plan.id,
        position,
        ordinal: String(position),
        group_label: 'Nhóm nhiệm vụ thử',
        content: `Nội dung nhiệm vụ ${position}`,
        product: 'Kế hoạch',
        deadline_kind: deadline.kind,
        deadline_from: deadline.from,
        deadline_to: deadline.to,
        deadline_text: deadline.text,
        search_key: `nhiem vu ${position}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, a] of agencies.entries()) {
      await ctx.db
        .insertInto('task_agencies')
        .values({
          task_id: t.id,
          role: a.role,
          position: i,
          agency_text: a.group ?? `org ${a.org}`,
          organisation_id: a.org ?? null,
          group_key: a.group ?? null,
        })
        .execute();
    }
    return t.id;
  };
  const t1 = await task(1, { kind: 'year', from: '2022-01-01', to: '2022-12-31', text: '2022' }, [
    { role: 'lead', org: stc.id },
    { role: 'coordinator', group: 'so_ban_nganh' },
  ]);
  const t2 = await task(2, { kind: 'recurring', from: null, to: null, text: 'Hằng năm' }, [
    { role: 'lead', org: snn.id },
    { role: 'coordinator', org: stc.id },
  ]);
  const t3 = await task(3, { kind: 'year_range', from: '2021-01-01', to: '2025-12-31', text: '2021-2025' }, [
    { role: 'lead', org: stc.id },
  ]);
  const t4 = await task(4, { kind: 'year', from: '2030-01-01', to: '2030-12-31', text: '2030' }, [
    { role: 'lead', org: snn.id },
    { role: 'coordinator', group: 'ubnd_cap_huyen' },
  ]);
  const t5 = await task(5, { kind: 'continuous', from: null, to: null, text: 'Thường xuyên' }, [
    { role: 'lead', org: huyen.id },
  ]);
  return {
    planId: plan.id,
    orgs: { sct, stc, snn, tinh, huyen },
    users: { coordinator, stcReporter, stcReporter2, snnReporter, leader, admin },
    tasks: { t1, t2, t3, t4, t5 },
  };
}

/**
 * The fixture with this year's annual period opened by its coordinator, and the id of the report that
 * Sở Tài chính thử's reporter writes (tests of uploads into a report start here).
 */
export async function fixtureWithOpenReport(s: TestServer) {
  const f = await reportingFixture(s);
  const coordinator = await s.loginAs(f.users.coordinator);
  const reporter = await s.loginAs(f.users.stcReporter);
  const opened = await coordinator.post(`/api/plans/${f.planId}/reporting-periods`, {
    kind: 'annual',
    year: THIS_YEAR,
    dueOn: daysFromToday(20),
  });
  const report = await s.ctx.db
    .selectFrom('reports')
    .select('id')
    .where('organisation_id', '=', f.orgs.stc.id)
    .executeTakeFirstOrThrow();
  return { f, coordinator, reporter, openedStatus: opened.status, reportId: report.id };
}
