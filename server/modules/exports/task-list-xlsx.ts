import type { Writable } from 'node:stream';
import type { DeadlineKind } from '../../../shared/contracts/plan-draft';
import type { TaskListQuery } from '../../../shared/contracts/plans';
import { ORGANISATION_GROUPS } from '../../../shared/domain/organisations/groups';
import { planLabel } from '../../../shared/domain/plans/short-title';
import { htmlToText } from '../../../shared/domain/reporting/sanitize-html';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import { TASK_STATUS_LABELS } from '../../../shared/domain/task-status/categories';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { AppError } from '../../http/errors';
import { leadAgencyNow } from '../dashboard/lead-agencies';
import { findOrganisationRow } from '../organisations/organisation-repository';
import { countTaskRows, findPlanRow, orderedTaskRows } from '../plans/plan-repository';
import { listedStatus, taskFilterOf } from '../plans/plan-service';
import { canReadReport } from '../reporting/report-policy';
import { type SheetColumn, streamingWorkbook, TableSheet, xlsxDisposition } from './sheet-layout';
import { agenciesOfTasks, statusResultsOfTasks } from './task-export-repository';

/** One file holds at most this many tasks; a larger selection is refused with a message to narrow it. */
export const TASK_EXPORT_MAX_ROWS = 100_000;
/** Tasks read, described and written per query: memory stays at one batch whatever the plan's size. */
export const TASK_EXPORT_BATCH = 2_000;

export const TASK_SHEET = 'Nhiệm vụ';

export const TASK_COLUMNS: readonly SheetColumn[] = [
  { header: 'STT', width: 6, kind: 'integer' },
  { header: 'Số thứ tự trong kế hoạch', width: 11, kind: 'centre' },
  { header: 'Nhóm nhiệm vụ', width: 26, kind: 'wrap' },
  { header: 'Nội dung nhiệm vụ', width: 60, kind: 'wrap' },
  { header: 'Cơ quan chủ trì', width: 28, kind: 'wrap' },
  { header: 'Cơ quan phối hợp', width: 32, kind: 'wrap' },
  { header: 'Sản phẩm', width: 26, kind: 'wrap' },
  { header: 'Thời hạn', width: 16, kind: 'wrap' },
  { header: 'Hạn hoàn thành', width: 14, kind: 'date' },
  { header: 'Tình trạng', width: 22, kind: 'wrap' },
  { header: 'Số ngày quá hạn', width: 10, kind: 'integer' },
  { header: 'Kết quả thực hiện', width: 60, kind: 'wrap' },
];

/** As the task filter names them (web/src/lib/planLabels.ts, which the server cannot import). */
const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  year: 'Năm',
  year_range: 'Giai đoạn',
  recurring: 'Hằng năm',
  date: 'Ngày cụ thể',
  quarter: 'Quý',
  month: 'Tháng',
  continuous: 'Thường xuyên',
  unknown: 'Chưa xác định',
};

/** The filter in Vietnamese for the sheet's second line: "Tình trạng: Quá hạn; Tìm: cụm công nghiệp". */
async function filterText(ctx: AppContext, q: TaskListQuery): Promise<string> {
  const parts: string[] = [];
  if (q.status) parts.push(`Tình trạng: ${TASK_STATUS_LABELS[q.status]}`);
  if (q.organisationId) {
    const org = await findOrganisationRow(ctx.db, q.organisationId);
    const role = q.agencyRole === 'lead' ? ' (chủ trì)' : q.agencyRole === 'coordinator' ? ' (phối hợp)' : '';
    if (org) parts.push(`Cơ quan: ${org.name}${role}`);
  }
  if (q.groupKey) parts.push(`Nhóm cơ quan: ${ORGANISATION_GROUPS[q.groupKey].label}`);
  if (q.group) parts.push(`Nhóm nhiệm vụ: ${q.group}`);
  if (q.product) parts.push(`Sản phẩm: ${q.product}`);
  if (q.deadlineYear) parts.push(`Đến hạn năm ${q.deadlineYear}`);
  if (q.deadlineKind) parts.push(`Loại thời hạn: ${DEADLINE_KIND_LABELS[q.deadlineKind]}`);
  if (q.q) parts.push(`Tìm: ${q.q}`);
  return parts.length ? `Bộ lọc: ${parts.join('; ')}` : 'Mọi nhiệm vụ của kế hoạch';
}

/** A result written in the editor (sanitised HTML) on one line of text. */
const resultText = (html: string | null) =>
  html
    ? htmlToText(html)
        .replace(/\s*\n+\s*/g, ' ')
        .trim()
    : '';

export interface TaskExport {
  total: number;
  disposition: string;
  /** Writes the workbook to `out` in batches; resolves once the last byte is handed to it. */
  write(out: Writable): Promise<void>;
}

/**
 * The task list of a plan as the list shows it under the same query (same filter and order, statuses
 * of the same year), every page at once. Checks everything before the first byte is written, so a bad
 * filter or a plan that does not exist is a Vietnamese 4xx, never a broken file.
 */
export async function prepareTaskExport(
  ctx: AppContext,
  user: AuthUser,
  planId: number,
  query: TaskListQuery,
): Promise<TaskExport> {
  const { filter, year, today } = await taskFilterOf(ctx, planId, query);
  const plan = (await findPlanRow(ctx.db, planId))!;
  const total = await countTaskRows(ctx.db, filter);
  if (total > TASK_EXPORT_MAX_ROWS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Bộ lọc chọn ${total.toLocaleString('vi-VN')} nhiệm vụ, quá ${TASK_EXPORT_MAX_ROWS.toLocaleString('vi-VN')} nhiệm vụ cho một tệp; hãy lọc theo cơ quan, nhóm nhiệm vụ hoặc tình trạng.`,
    );
  }
  const subtitle = `${await filterText(ctx, query)} · Tình trạng năm ${year} · ${total.toLocaleString('vi-VN')} nhiệm vụ · Xuất ngày ${formatDateVi(today)}`;
  const number = plan.number ?? 'ke-hoach';

  async function write(out: Writable): Promise<void> {
    const workbook = streamingWorkbook(out, `Danh sách nhiệm vụ — ${planLabel(plan)}`);
    const sheet = new TableSheet(workbook, TASK_SHEET, TASK_COLUMNS, {
      title: `Danh sách nhiệm vụ — Kế hoạch ${planLabel(plan)}`,
      subtitle,
    });
    const order = { sort: query.sort, order: query.order };
    let n = 0;
    for (let offset = 0; offset < total; offset += TASK_EXPORT_BATCH) {
      const rows = await orderedTaskRows(ctx.db, filter, order)
        .limit(TASK_EXPORT_BATCH)
        .offset(offset)
        .execute();
      if (rows.length === 0) break;
      const ids = rows.map((r) => r.id);
      const [agencies, results] = await Promise.all([
        agenciesOfTasks(ctx.db, ids),
        statusResultsOfTasks(ctx.db, ids, year),
      ]);
      const leads = new Map<number, string[]>();
      const coordinators = new Map<number, string[]>();
      for (const a of agencies) {
        const now = leadAgencyNow(a, today);
        const name = now.formerName ? `${now.name} (trước đây: ${now.formerName})` : now.name;
        const into = a.role === 'lead' ? leads : coordinators;
        into.set(a.task_id, [...(into.get(a.task_id) ?? []), name]);
      }
      // A result is shown to who may read the report it comes from (report-policy.ts): a reporter
      // sees another agency's words only once accepted.
      const resultOf = new Map<number, string>();
      for (const r of results)
        if (canReadReport(user, { organisation_id: r.organisation_id, state: r.state }))
          resultOf.set(r.task_id, resultText(r.result));
      for (const r of rows) {
        const status = await listedStatus(ctx, r, year, today);
        n += 1;
        sheet.add([
          n,
          r.ordinal,
          r.group_label,
          r.content,
          (leads.get(r.id) ?? []).join('\n'),
          (coordinators.get(r.id) ?? []).join('\n'),
          r.product,
          r.deadline_text,
          status.dueDate,
          status.label,
          status.daysLate && status.daysLate > 0 ? status.daysLate : null,
          resultOf.get(r.id),
        ]);
      }
    }
    sheet.finish();
    await workbook.commit();
  }

  return {
    total,
    disposition: xlsxDisposition(`Nhiệm vụ ${number.replace(/\//g, '-')} ${today}.xlsx`),
    write,
  };
}
