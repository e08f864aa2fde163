import type { OrganisationKind } from '../../../../shared/domain/organisations/kinds';
import type { AppContext } from '../../../context';
import { AppError, notFound } from '../../../http/errors';
import { listPlanIndicators } from '../../indicators/indicator-service';
import { todayIso } from '../../indicators/value-rules';
import { taskStatusesOfPlan } from '../../reporting/task-status-service';
import { decree30Docx } from '../decree30/document';
import { narrativeParagraphs } from '../narrative/narrative-draft';
import { savedNarrativeTexts } from '../narrative/narrative-repository';
import { type ConsolidatedData, planName, present } from './consolidated-model';
import {
  findPeriodOfPlan,
  findPlanWithConsolidator,
  listAcceptedEntries,
  listAcceptedReports,
} from './consolidated-repository';
import { appendix, bodySections } from './consolidated-sections';

/** The head's title by the kind of body that signs; the officer adds "KT." when a deputy signs. */
export const SIGNER_TITLE: Partial<Record<OrganisationKind, string>> = {
  so: 'Giám đốc',
  ban: 'Trưởng ban',
  ubnd_tinh: 'Chủ tịch',
  ubnd_huyen: 'Chủ tịch',
  ubnd_xa: 'Chủ tịch',
};

/** Reads everything the report is drafted from; refuses what cannot be drafted, in Vietnamese. */
export async function loadConsolidatedData(
  ctx: AppContext,
  ids: { planId: number; periodId: number },
): Promise<ConsolidatedData> {
  const [plan, period] = await Promise.all([
    findPlanWithConsolidator(ctx.db, ids.planId),
    findPeriodOfPlan(ctx.db, ids.periodId),
  ]);
  if (!plan) throw notFound('kế hoạch');
  if (!period || period.plan_id !== plan.id) throw notFound('kỳ báo cáo của kế hoạch');
  if (plan.consolidator_id === null || !plan.consolidator_name) {
    throw new AppError(
      'CONFLICT',
      `Kế hoạch "${planName(plan)}" chưa có cơ quan tổng hợp báo cáo: hãy chọn cơ quan tổng hợp trong chế độ báo cáo của kế hoạch rồi lập báo cáo tổng hợp.`,
    );
  }
  const today = todayIso();
  const [indicators, reports, entries, statuses] = await Promise.all([
    listPlanIndicators(ctx, plan.id, { page: 1, pageSize: 10_000 }, today),
    listAcceptedReports(ctx.db, period.id),
    listAcceptedEntries(ctx.db, period.id, period.year),
    taskStatusesOfPlan(ctx, plan.id, { year: period.year }),
  ]);
  // The stored statuses hold the tasks in force in the year; one removed during it is marked.
  const removed = new Map(
    (
      await ctx.db
        .selectFrom('tasks')
        .select(['id', 'removed_on'])
        .where('plan_id', '=', plan.id)
        .where('removed_on', 'is not', null)
        .execute()
    ).map((t) => [t.id, t.removed_on]),
  );
  return {
    plan: { number: plan.number, title: plan.title, place: plan.place, issuedOn: plan.issued_on },
    issuer: {
      // The registry's parent body; without one, the body that issued the plan (the consolidating
      // agency reports to it).
      superior:
        plan.superior_name ??
        (present(plan.issuer) && plan.issuer !== plan.consolidator_name ? plan.issuer : null),
      name: plan.consolidator_name,
      code: plan.consolidator_code ?? '',
      kind: plan.consolidator_kind,
    },
    period: { year: period.year, title: period.title },
    indicators: indicators.items,
    reports,
    entries,
    tasks: statuses.items.map((i) => ({
      task: i.task,
      leads: i.leads,
      status: i.status,
      removedOn: removed.get(i.task.id) ?? null,
    })),
  };
}

/** "Hưng Yên, ngày      tháng      năm 2026": day and month are left for the day of signing. */
function placeDate(place: string | null, year: number) {
  const gap = '\u00a0'.repeat(6);
  return `${place ?? '…'}, ngày${gap}tháng${gap}năm ${year}`;
}

/** The consolidated annual report of a period as a .docx in the format of Decree 30/2020/NĐ-CP. */
export async function buildConsolidatedReport(
  ctx: AppContext,
  ids: { planId: number; periodId: number },
): Promise<Buffer> {
  const [d, saved] = await Promise.all([
    loadConsolidatedData(ctx, ids),
    // The coordinator's edited sections (narrative/), the draft from the data where none is saved.
    savedNarrativeTexts(ctx.db, ids.periodId),
  ]);
  const summary = `Kết quả thực hiện ${planName(d.plan)} năm ${d.period.year}`;
  return decree30Docx({
    title: summary,
    issuer: { superior: d.issuer.superior, name: d.issuer.name, code: d.issuer.code },
    placeDate: placeDate(d.plan.place, Number(todayIso().slice(0, 4))),
    kind: 'Báo cáo',
    summary,
    body: bodySections(d, narrativeParagraphs(d, saved)),
    appendix: appendix(d),
    recipients: [
      ...(d.issuer.superior ? [`${d.issuer.superior} (để báo cáo);`] : []),
      'Các cơ quan, đơn vị có báo cáo;',
      `Lưu: VT, ${d.issuer.code}.`,
    ],
    signer: {
      authority: null,
      title: SIGNER_TITLE[d.issuer.kind as OrganisationKind] ?? 'Thủ trưởng cơ quan',
      name: null,
    },
  });
}

/** The file name: plain ASCII for old clients, the Vietnamese one through RFC 5987 (`filename*`). */
export function consolidatedFilename(plan: { number: string | null }, year: number) {
  const number = (plan.number ?? 'ke-hoach').replace(/[^\p{L}\p{N}-]+/gu, '-');
  const vietnamese = `Bao-cao-tong-hop-${number}-nam-${year}.docx`;
  const ascii = vietnamese
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`Báo cáo tổng hợp ${plan.number ?? ''} năm ${year}.docx`.replace(/\s+/g, ' '))}`;
}

/** The route's work: the period's plan, the bytes and the Content-Disposition. */
export async function consolidatedReportOfPeriod(ctx: AppContext, periodId: number) {
  const period = await findPeriodOfPlan(ctx.db, periodId);
  if (!period) throw notFound('kỳ báo cáo');
  const plan = await findPlanWithConsolidator(ctx.db, period.plan_id);
  if (!plan) throw notFound('kế hoạch');
  const bytes = await buildConsolidatedReport(ctx, { planId: plan.id, periodId });
  return { bytes, disposition: consolidatedFilename(plan, period.year) };
}
