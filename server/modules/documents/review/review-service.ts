import type { OrganisationKind } from '../../../../shared/domain/organisations/kinds';
import { localDate } from '../../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../../context';
import { AppError, notFound } from '../../../http/errors';
import { planStatusCountsOf } from '../../reporting/task-status-store';
import { deadlineYear, isOngoing, planName } from '../consolidated/consolidated-model';
import {
  findPlanWithConsolidator,
  listAcceptedEntries,
  listAcceptedReports,
} from '../consolidated/consolidated-repository';
import { loadConsolidatedData, SIGNER_TITLE } from '../consolidated/consolidated-service';
import { decree30Docx } from '../decree30/document';
import {
  PERIOD_KIND_OF,
  REVIEW_WORD,
  type ReviewData,
  type ReviewKind,
  spanText,
  spanYears,
} from './review-model';
import { findReviewPeriod, findSpanStarts, listPeriodsInSpan } from './review-repository';
import { reviewAppendix, reviewBody } from './review-sections';

const KIND_PHRASE: Record<ReviewKind, string> = { midterm: 'kỳ sơ kết', final: 'kỳ tổng kết' };

/**
 * The review's period: the plan's mid-term (or final) period, of `year` when given, else the latest.
 * Refused in Vietnamese when the plan has none: a review is drafted for the period it was asked for.
 */
export async function reviewPeriodOf(ctx: AppContext, planId: number, kind: ReviewKind, year?: number) {
  const period = await findReviewPeriod(ctx.db, planId, PERIOD_KIND_OF[kind], year);
  if (period) return period;
  const plan = await findPlanWithConsolidator(ctx.db, planId);
  if (!plan) throw notFound('kế hoạch');
  throw new AppError(
    'NOT_FOUND',
    `${planName(plan)} chưa mở ${KIND_PHRASE[kind]}${year !== undefined ? ` năm ${year}` : ''}: hãy mở kỳ báo cáo ${REVIEW_WORD[kind].toLocaleLowerCase('vi')} của kế hoạch rồi lập báo cáo.`,
  );
}

/**
 * The span of a review: from the plan's first year (the year it was issued, or its earliest deadline or
 * period when earlier) to the review period's year.
 */
async function reviewYears(ctx: AppContext, planId: number, issuedOn: string | null, end: number) {
  const starts = await findSpanStarts(ctx.db, planId);
  const candidates = [
    issuedOn ? Number(issuedOn.slice(0, 4)) : null,
    starts.firstDeadline,
    starts.firstPeriod,
  ];
  const known = candidates.filter((y): y is number => y !== null && y <= end);
  return spanYears(known.length ? Math.min(...known) : end, end);
}

export async function loadReviewData(
  ctx: AppContext,
  ids: { planId: number; kind: ReviewKind; year?: number },
): Promise<ReviewData> {
  const period = await reviewPeriodOf(ctx, ids.planId, ids.kind, ids.year);
  const base = await loadConsolidatedData(ctx, { planId: ids.planId, periodId: period.id });
  const years = await reviewYears(ctx, ids.planId, base.plan.issuedOn, period.year);
  const today = localDate(new Date());
  const tallies = [];
  for (const year of years) {
    // The stored statuses judged for each year (made fresh for today first), as the task-status page
    // shows them when that year is chosen.
    const counts = await planStatusCountsOf(ctx.db, ids.planId, year, today);
    const due = base.tasks.filter((t) => isOngoing(t.task) || deadlineYear(t.task) === year).length;
    tallies.push({ year, due, counts });
  }
  const periods = await listPeriodsInSpan(ctx.db, ids.planId, years[0]!, years.at(-1)!);
  const reports: ReviewData['reports'] = [];
  const entries: ReviewData['entries'] = [];
  for (const p of periods) {
    const [r, e] = await Promise.all([
      listAcceptedReports(ctx.db, p.id),
      listAcceptedEntries(ctx.db, p.id, p.year),
    ]);
    reports.push(...r.map((x) => ({ ...x, year: p.year })));
    entries.push(...e.map((x) => ({ ...x, year: p.year })));
  }
  return { kind: ids.kind, base, years, tallies, reports, entries };
}

/** "Hưng Yên, ngày      tháng      năm 2026": day and month are left for the day of signing. */
function placeDate(place: string | null) {
  const gap = '\u00a0'.repeat(6);
  return `${place ?? '…'}, ngày${gap}tháng${gap}năm ${localDate(new Date()).slice(0, 4)}`;
}

/** "Sơ kết 3 năm thực hiện Kế hoạch số 148/KH-UBND (2021–2023)". */
export function reviewSummary(
  d: Pick<ReviewData, 'kind' | 'years'> & { base: Pick<ReviewData['base'], 'plan'> },
) {
  const n = d.years.length;
  const span = n > 1 ? ` (${d.years[0]}–${d.years.at(-1)})` : ` năm ${d.years[0]}`;
  return `${REVIEW_WORD[d.kind]}${n > 1 ? ` ${n} năm` : ''} thực hiện ${planName(d.base.plan)}${span}`;
}

/**
 * The mid-term (sơ kết) or final (tổng kết) review of a plan as a .docx in the format of Decree
 * 30/2020/NĐ-CP: the annual report's blocks spread over the plan's years.
 */
export async function buildReviewReport(
  ctx: AppContext,
  ids: { planId: number; kind: ReviewKind; year?: number },
): Promise<Buffer> {
  return reviewDocx(await loadReviewData(ctx, ids));
}

/** The .docx of a review already read (`loadReviewData`). */
export function reviewDocx(d: ReviewData): Promise<Buffer> {
  const summary = reviewSummary(d);
  const { issuer } = d.base;
  return decree30Docx({
    title: summary,
    issuer: { superior: issuer.superior, name: issuer.name, code: issuer.code },
    placeDate: placeDate(d.base.plan.place),
    kind: 'Báo cáo',
    summary,
    body: reviewBody(d),
    appendix: reviewAppendix(d),
    recipients: [
      ...(issuer.superior ? [`${issuer.superior} (để báo cáo);`] : []),
      'Các cơ quan, đơn vị thực hiện Kế hoạch;',
      `Lưu: VT, ${issuer.code}.`,
    ],
    signer: {
      authority: null,
      title: SIGNER_TITLE[issuer.kind as OrganisationKind] ?? 'Thủ trưởng cơ quan',
      name: null,
    },
  });
}

/** The file name: plain ASCII for old clients, the Vietnamese one through RFC 5987 (`filename*`). */
export function reviewFilename(kind: ReviewKind, plan: { number: string | null }, years: readonly number[]) {
  const number = (plan.number ?? 'ke-hoach').replace(/[^\p{L}\p{N}-]+/gu, '-');
  const span = `${years[0]}-${years.at(-1)}`;
  const ascii = `Bao-cao-${kind === 'midterm' ? 'so-ket' : 'tong-ket'}-${number}-${span}.docx`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]/g, '-');
  const vietnamese = `Báo cáo ${REVIEW_WORD[kind].toLocaleLowerCase('vi')} ${plan.number ?? ''} ${spanText(years)}.docx`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(vietnamese.replace(/\s+/g, ' '))}`;
}

/** The route's work: the bytes and the Content-Disposition of a plan's review. */
export async function reviewReportOfPlan(ctx: AppContext, planId: number, kind: ReviewKind, year?: number) {
  const plan = await findPlanWithConsolidator(ctx.db, planId);
  if (!plan) throw notFound('kế hoạch');
  const period = await reviewPeriodOf(ctx, planId, kind, year);
  const years = await reviewYears(ctx, planId, plan.issued_on, period.year);
  const bytes = await buildReviewReport(ctx, { planId, kind, year: period.year });
  return { bytes, disposition: reviewFilename(kind, plan, years) };
}
