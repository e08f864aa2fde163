import { buildLoggedIn, buildOrganisation, buildPlan } from './factories';
import type { TestServer } from './http-agent';

// One definition of the test calendar, shared with the database-level fixture.
export { daysFromToday, THIS_YEAR } from '../modules/reporting/test-fixture';

/**
 * A small plan issued in 2021, imported and confirmed like a real one, with five tasks and three
 * agencies whose reporters are logged in:
 * - T1 "Năm 2022" (one-off, overdue unless completed): lead STC, support "Các sở, ban, ngành";
 * - T2 "Hằng năm": lead SNN, support STC;
 * - T3 "2021-2025": lead STC;
 * - T4 "Năm 2030": lead SNN, support "UBND các huyện…" (the district is abolished: nobody);
 * - T5 "Thường xuyên": lead the district, which passed its work to SNN on 1/7/2025.
 * Reports for the current year: STC (lead T1, T3; support T2), SNN (lead T2, T4, T5), SCT (support T1).
 * The registry holds only these agencies, so the named groups resolve to them alone: give each
 * world a server of its own.
 */
export async function buildReportingWorld(s: TestServer) {
  const ctx = s.ctx;
  const sct = await buildOrganisation(ctx, { name: 'Sở Công Thương thử', kind: 'so' });
  const stc = await buildOrganisation(ctx, { name: 'Sở Tài chính thử', kind: 'so' });
  const snn = await buildOrganisation(ctx, { name: 'Sở Nông nghiệp thử', kind: 'so' });
  const tinh = await buildOrganisation(ctx, { name: 'UBND tỉnh thử', kind: 'ubnd_tinh' });
  const huyen = await buildOrganisation(ctx, {
    name: 'UBND huyện thử',
    kind: 'ubnd_huyen',
    validTo: '2025-06-30',
  });
  // The district merged into SNN: the registry records the successor (set by an administrator).
  await ctx.db
    .updateTable('organisations')
    .set({ successor_id: snn.id })
    .where('id', '=', huyen.id)
    .execute();

  // Password hashing is the slow part of a world: the five accounts are made side by side.
  const [coordinator, stcReporter, stcReporter2, snnReporter, leader] = await Promise.all([
    buildLoggedIn(s, { role: 'coordinator', organisationId: sct.id }),
    buildLoggedIn(s, { role: 'reporter', organisationId: stc.id }),
    buildLoggedIn(s, { role: 'reporter', organisationId: stc.id }),
    buildLoggedIn(s, { role: 'reporter', organisationId: snn.id }),
    buildLoggedIn(s, { role: 'leader', organisationId: tinh.id }),
  ]);

  const { planId, taskIds } = await buildPlan(coordinator.agent, {
    number: '148/KH-UBND',
    title: 'Kế hoạch thử nghiệm báo cáo',
    issuedOn: '2021-09-27',
    regime: {
      consolidator: 'Sở Công Thương',
      annualDueDay: 15,
      annualDueMonth: 12,
      midTermYear: 2023,
      finalYear: 2025,
      text: '',
    },
    consolidator: { org: sct },
    tasks: [
      {
        deadline: { kind: 'year', from: '2022-01-01', to: '2022-12-31', text: '2022' },
        leads: [{ org: stc }],
        coordinators: [{ group: 'so_ban_nganh', text: 'Các sở, ban, ngành' }],
      },
      {
        deadline: { kind: 'recurring', from: null, to: null, text: 'Hằng năm' },
        leads: [{ org: snn }],
        coordinators: [{ org: stc }],
      },
      {
        deadline: { kind: 'year_range', from: '2021-01-01', to: '2025-12-31', text: '2021-2025' },
        leads: [{ org: stc }],
      },
      {
        deadline: { kind: 'year', from: '2030-01-01', to: '2030-12-31', text: '2030' },
        leads: [{ org: snn }],
        coordinators: [{ group: 'ubnd_cap_huyen', text: 'UBND các huyện, thị xã, thành phố' }],
      },
      {
        deadline: { kind: 'continuous', from: null, to: null, text: 'Thường xuyên' },
        leads: [{ org: huyen }],
      },
    ],
  });
  const [t1, t2, t3, t4, t5] = taskIds as [number, number, number, number, number];
  return {
    planId,
    orgs: { sct, stc, snn, tinh, huyen },
    users: { coordinator, stcReporter, stcReporter2, snnReporter, leader },
    /** The logged-in agents, by who they are. */
    as: {
      coordinator: coordinator.agent,
      stc: stcReporter.agent,
      stc2: stcReporter2.agent,
      snn: snnReporter.agent,
      leader: leader.agent,
    },
    tasks: { t1, t2, t3, t4, t5 },
  };
}

export type ReportingWorld = Awaited<ReturnType<typeof buildReportingWorld>>;
