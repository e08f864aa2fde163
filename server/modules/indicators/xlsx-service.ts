import type { ImportValuesResponse } from '../../../shared/contracts/indicators';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import {
  findPlanHead,
  indicatorCodesOfPlan,
  insertValues,
  listIndicatorRows,
  targetRowsOf,
  valueRowsOf,
} from './indicator-repository';
import { groupBy, summaryView, valueViews } from './indicator-views';
import { currentYearOf, isSampleSource, valueProblem, yearProblem } from './value-rules';
import { headerOf } from './xlsx-layout';
import { readValuesWorkbook, type SheetProblem, type SheetValueRow } from './xlsx-read';
import { writeValuesWorkbook } from './xlsx-write';

const ALL = { page: 1, pageSize: 100_000 };

export async function exportPlanValues(ctx: AppContext, planId: number, today: string) {
  const plan = await findPlanHead(ctx.db, planId);
  if (!plan) throw notFound('kế hoạch');
  const { rows } = await listIndicatorRows(ctx.db, planId, ALL);
  const ids = rows.map((r) => r.id);
  const [targets, values] = await Promise.all([targetRowsOf(ctx.db, ids), valueRowsOf(ctx.db, ids)]);
  const targetsBy = groupBy(targets, (t) => t.indicator_id);
  const valuesBy = groupBy(values, (v) => v.indicator_id);
  const indicators = rows.map((r) => ({
    summary: summaryView(r, targetsBy.get(r.id) ?? [], valuesBy.get(r.id) ?? [], today),
    values: valueViews(valuesBy.get(r.id) ?? []).filter((v) => v.effective),
  }));
  const bytes = await writeValuesWorkbook(plan, indicators, today);
  const name = `so-lieu-chi-tieu-${(plan.number ?? `ke-hoach-${plan.id}`).replace(/[^A-Za-z0-9-]+/g, '-')}.xlsx`;
  return { bytes, filename: name };
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

function rejection(problems: readonly SheetProblem[]): AppError {
  const shown = problems.slice(0, 50);
  const more = problems.length > shown.length ? `\n… và ${problems.length - shown.length} lỗi khác.` : '';
  return new AppError(
    'VALIDATION_FAILED',
    `Tệp có ${problems.length} lỗi, chưa lưu số liệu nào. Sửa các lỗi sau rồi nhập lại:\n${shown
      .map((p) => `- ${p.message}`)
      .join('\n')}${more}`,
    problems.map((p) => ({
      path: p.row === null ? 'file' : `row${p.row}${p.column ? `.${p.column}` : ''}`,
      message: p.message,
    })),
  );
}

/**
 * Imports the values sheet of a workbook into a plan's indicators. Everything is checked first
 * (cells, indicator codes, years, values, duplicates) and any problem rejects the whole file; then one
 * transaction appends a row for each value that differs from what is already accepted for that year.
 * The coordinator's import is accepted at once.
 */
export async function importPlanValues(
  rc: RequestContext,
  planId: number,
  file: { filename: string; bytes: Uint8Array },
  today: string,
): Promise<ImportValuesResponse> {
  if (!(await findPlanHead(rc.db, planId))) throw notFound('kế hoạch');
  if (!/\.xlsx$/i.test(file.filename)) {
    throw new AppError('VALIDATION_FAILED', 'Chỉ nhận tệp Excel dạng .xlsx (Excel 2007 trở lên).');
  }
  const reading = await readValuesWorkbook(file.bytes);
  if (!reading.ok) throw rejection(reading.problems);
  if (reading.rows.length === 0 && reading.problems.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Tệp không có dòng số liệu nào.');
  }

  const indicators = await indicatorCodesOfPlan(rc.db, planId);
  const byCode = new Map(indicators.map((i) => [i.code.toUpperCase(), i]));
  const problems: SheetProblem[] = [...reading.problems];
  const seen = new Map<string, number>();
  const accepted: { row: SheetValueRow; indicatorId: number }[] = [];
  const currentYear = currentYearOf(today);
  for (const row of reading.rows) {
    const at = (column: SheetProblem['column'], message: string) =>
      problems.push({
        row: row.row,
        column,
        message: `Dòng ${row.row}, cột ${headerOf(column!)}: ${message}`,
      });
    const indicator = byCode.get(row.code.toUpperCase());
    if (!indicator) {
      at('code', `mã chỉ số “${row.code}” không có trong kế hoạch này.`);
      continue;
    }
    const yearIssue = yearProblem(row.year, currentYear);
    if (yearIssue) at('year', `${yearIssue}.`);
    const valueIssue = valueProblem(indicator.value_kind, row.value);
    if (valueIssue) at('value', `${valueIssue}.`);
    const key = `${indicator.id}:${row.year}:${row.status}`;
    const first = seen.get(key);
    if (first !== undefined) at('year', `trùng chỉ số, năm và trạng thái với dòng ${first}.`);
    else seen.set(key, row.row);
    if (!yearIssue && !valueIssue && first === undefined) accepted.push({ row, indicatorId: indicator.id });
  }
  if (problems.length > 0) throw rejection(problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));

  const existing = await valueRowsOf(
    rc.db,
    indicators.map((i) => i.id),
  );
  const fresh = accepted.filter(
    ({ row, indicatorId }) =>
      !existing.some(
        (e) =>
          e.indicator_id === indicatorId &&
          e.review_state === 'accepted' &&
          e.year === row.year &&
          e.status === row.status &&
          e.source === row.source &&
          same(e.value, row.value),
      ),
  );
  await inTransaction(rc, async (tx) => {
    await insertValues(
      tx.db,
      fresh.map(({ row, indicatorId }) => ({
        indicatorId,
        year: row.year,
        value: row.value,
        status: row.status,
        source: row.source,
        sourceUrl: row.sourceUrl,
        note: row.note,
        isSample: isSampleSource(row.source),
        enteredBy: rc.actor.id,
        reviewState: 'accepted',
      })),
    );
    await audit(tx, {
      action: 'indicator_values.imported',
      entity: 'plan',
      entityId: planId,
      detail: { filename: file.filename, rows: accepted.length, created: fresh.length },
    });
  });
  return { created: fresh.length, unchanged: accepted.length - fresh.length };
}
