import type { AuditEntry, AuditFilterQuery } from '../../../shared/contracts/audit';
import { ENTRY_FIELDS, REPORT_FIELDS } from '../../../shared/contracts/report-fields';
import { AUDIT_ENTITY_LABELS, auditActionLabel, describeAudit } from '../../../shared/domain/audit/describe';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import type { AppContext } from '../../context';
import { AppError } from '../../http/errors';
import { LIST_COUNT_CAP } from '../../lib/bounded-count';
import { auditNameBook } from './audit-names';
import { type AuditFilter, type AuditRow, countAuditRows, listAuditRows } from './audit-repository';

/** Report and entry fields by key and by column (a save records the columns it wrote). */
const FIELD_NAMES: Record<string, string> = Object.fromEntries(
  [...REPORT_FIELDS, ...ENTRY_FIELDS].flatMap((f) => [
    [f.key, f.label],
    [f.column, f.label],
  ]),
);

/** One export holds at most this many rows; more means the filter should be narrower. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/**
 * The start of a Vietnamese calendar day as an instant. Vietnam keeps UTC+7 all year (no summer
 * time), so "from 01/12" means from 30/11 17:00 UTC; `at` is stored as UTC ISO text, compared as text.
 */
const vnDayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`).toISOString();
const nextDay = (isoDate: string) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export function auditFilterOf(q: AuditFilterQuery): AuditFilter {
  if (q.from && q.to && q.from > q.to) {
    throw new AppError('VALIDATION_FAILED', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', [
      { path: 'from', message: 'Sau ngày kết thúc' },
    ]);
  }
  return {
    entity: q.entity,
    entityId: q.entityId,
    actorId: q.actorId,
    action: q.action,
    atFrom: q.from ? vnDayStart(q.from) : undefined,
    atBefore: q.to ? vnDayStart(nextDay(q.to)) : undefined,
  };
}

/** Rows as people read them: names instead of ids, Vietnamese instead of codes and JSON. */
async function describeRows(ctx: AppContext, rows: AuditRow[]): Promise<AuditEntry[]> {
  const book = await auditNameBook(ctx.db, rows);
  return rows.map((r) => {
    const d = describeAudit(r, {
      object: book.object(r.entity, r.entityId),
      organisations: book.organisations,
      fieldNames: FIELD_NAMES,
    });
    const { detail: _raw, ...entry } = r;
    return { ...entry, actionLabel: d.actionLabel, text: d.text, changes: d.changes };
  });
}

export async function listAuditEntries(
  ctx: AppContext,
  q: AuditFilterQuery & { page: number; pageSize: number },
) {
  const filter = auditFilterOf(q);
  const [rows, count] = await Promise.all([
    listAuditRows(ctx.db, filter, q.pageSize, (q.page - 1) * q.pageSize),
    countAuditRows(ctx.db, filter, LIST_COUNT_CAP),
  ]);
  return {
    items: await describeRows(ctx, rows),
    total: count.total,
    totalCapped: count.capped,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every entry the filter selects, newest first, read and described in batches of 1,000. */
export async function allAuditEntries(ctx: AppContext, q: AuditFilterQuery): Promise<AuditEntry[]> {
  const filter = auditFilterOf(q);
  const { total, capped } = await countAuditRows(ctx.db, filter, AUDIT_EXPORT_MAX_ROWS);
  if (capped) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Bộ lọc chọn hơn ${total.toLocaleString('vi-VN')} mục nhật ký, quá nhiều cho một tệp; hãy thu hẹp khoảng ngày hoặc chọn người, hành động.`,
    );
  }
  const out: AuditEntry[] = [];
  for (let offset = 0; offset < total; offset += 1000) {
    out.push(...(await describeRows(ctx, await listAuditRows(ctx.db, filter, 1000, offset))));
  }
  return out;
}

/** The filter in Vietnamese for the export's information sheet: "Người thực hiện: Trần Thị Tổng Hợp". */
export async function auditFilterLines(ctx: AppContext, q: AuditFilterQuery): Promise<[string, string][]> {
  const lines: [string, string][] = [];
  if (q.actorId !== undefined) {
    const u = await ctx.db
      .selectFrom('users')
      .select(['full_name', 'username'])
      .where('id', '=', q.actorId)
      .executeTakeFirst();
    lines.push(['Người thực hiện', u ? `${u.full_name} (${u.username})` : 'người dùng đã bị xóa']);
  }
  if (q.from) lines.push(['Từ ngày', formatDateVi(q.from)]);
  if (q.to) lines.push(['Đến ngày', formatDateVi(q.to)]);
  if (q.action) lines.push(['Hành động', auditActionLabel(q.action)]);
  if (q.entity) lines.push(['Loại đối tượng', AUDIT_ENTITY_LABELS[q.entity] ?? 'khác']);
  if (lines.length === 0) lines.push(['Bộ lọc', 'Toàn bộ nhật ký']);
  return lines;
}
