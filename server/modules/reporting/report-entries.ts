import type { Updateable } from 'kysely';
import {
  ENTRY_FIELDS,
  type FieldDef,
  REPORT_FIELDS,
  saveKeyOf,
} from '../../../shared/contracts/report-fields';
import type { ReportDetail, SaveEntry, SaveReportRequest } from '../../../shared/contracts/reporting';
import { localDate, localTime } from '../../../shared/domain/reporting/local-date';
import { sanitizeHtml } from '../../../shared/domain/reporting/sanitize-html';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import { inTransaction, nowIso, type RequestContext } from '../../context';
import type { Db } from '../../db/db';
import type { ReportEntriesTable } from '../../db/schema';
import { AppError, conflict } from '../../http/errors';
import { requireRealDate } from '../../lib/real-date';
import { audit } from '../audit/audit-repository';
import { setEntryFiles } from './entry-files';
import { assertCanEdit } from './report-policy';
import { findReport, reportDetail } from './report-service';

/** The 409 answer to a save based on an old version: who saved last, and when (Vietnam time). */
export async function staleVersion(db: Db, reportId: number): Promise<AppError> {
  const r = await db
    .selectFrom('reports')
    .leftJoin('users', 'users.id', 'reports.updated_by')
    .select(['reports.updated_at', 'users.full_name'])
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
  if (!r) return conflict('Báo cáo đã thay đổi; hãy tải lại.');
  const day = localDate(r.updated_at);
  const when = `${localTime(r.updated_at)}${day === localDate(new Date()) ? '' : ` ngày ${formatDateVi(day)}`}`;
  const who = r.full_name ? `người khác (${r.full_name})` : 'người khác';
  return conflict(
    `Báo cáo đã được ${who} lưu lúc ${when}; hãy tải lại báo cáo để xem bản mới nhất rồi nhập lại thay đổi của bạn.`,
  );
}

/**
 * Bumps the optimistic-lock counter, or throws the 409 when `version` is not the current one.
 * The conditional UPDATE is the lock: two saves of the same version cannot both succeed.
 */
export async function bumpVersion(
  db: Db,
  reportId: number,
  version: number,
  set: Record<string, unknown>,
  actorId: number,
): Promise<void> {
  const res = await db
    .updateTable('reports')
    .set({ ...set, version: version + 1, updated_at: nowIso(), updated_by: actorId })
    .where('id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw await staleVersion(db, reportId);
}

const blankToNull = (v: string | null) => (v === null || v.trim() === '' ? null : v);

/**
 * The columns to set from a request, by the field table: omitted = unchanged; rich text sanitised;
 * blank text stored as null.
 */
function columnsOf(fields: readonly FieldDef[], body: object): Record<string, string | number | null> {
  const input = body as Record<string, unknown>;
  const out: Record<string, string | number | null> = {};
  for (const f of fields) {
    // An entry's files are links in a table of their own (entry-files.ts), not a column.
    if (f.kind === 'files') continue;
    const v = input[saveKeyOf(f)] as string | number | null | undefined;
    if (v === undefined) continue;
    if (f.kind === 'html') out[f.column] = v === null ? null : blankToNull(sanitizeHtml(String(v)));
    else out[f.column] = typeof v === 'string' ? blankToNull(v) : v;
  }
  return out;
}

/** A date that passes the format but not the calendar (31/02) is refused with its field's name. */
function requireRealDates(fields: readonly FieldDef[], body: object, prefix: string): void {
  const input = body as Record<string, unknown>;
  for (const f of fields) {
    if (f.kind !== 'date') continue;
    requireRealDate(input[f.key] as string | null | undefined, `${prefix}${f.key}`, f.label);
  }
}

/**
 * Writes one entry's fields (and, when given, its list of files) from a save; returns the files added
 * and removed, if any. The caller checked that the entry is the report's and may be changed.
 */
export async function writeEntry(
  db: Db,
  reportId: number,
  c: Omit<SaveEntry, 'id'> & { id: number },
  at: { actorId: number; now: string; path: string },
): Promise<{ entryId: number; added: number[]; removed: number[] } | null> {
  let files: { entryId: number; added: number[]; removed: number[] } | null = null;
  if (c.attachmentIds !== undefined) {
    const { added, removed } = await setEntryFiles(db, reportId, c.id, c.attachmentIds, {
      actorId: at.actorId,
      now: at.now,
      path: `${at.path}.attachmentIds`,
    });
    if (added.length + removed.length > 0) files = { entryId: c.id, added, removed };
  }
  const values = columnsOf(ENTRY_FIELDS, c);
  if (Object.keys(values).length > 0)
    await db
      .updateTable('report_entries')
      .set({ ...values, updated_at: at.now } as Updateable<ReportEntriesTable>)
      .where('id', '=', c.id)
      .where('report_id', '=', reportId)
      .execute();
  return files;
}

/** A date that passes the format but not the calendar is refused with its field's name (entries). */
export function requireRealEntryDates(entry: object, prefix: string): void {
  requireRealDates(ENTRY_FIELDS, entry, prefix);
}

/**
 * Saves a draft (autosave or explicit): only the agency's reporters, only while draft or returned and
 * the period is open, only from the current version. Rich text is sanitised on the way in.
 */
export async function saveReport(
  rc: RequestContext,
  reportId: number,
  body: SaveReportRequest,
): Promise<ReportDetail> {
  const { app: ctx, actor } = rc;
  requireRealDates(REPORT_FIELDS, body, '');
  (body.entries ?? []).forEach((e, i) => {
    requireRealDates(ENTRY_FIELDS, e, `entries.${i}.`);
  });
  await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const report = await findReport(trx, reportId);
    assertCanEdit(actor, report, report.period_state);
    if (report.version !== body.version) throw await staleVersion(trx, reportId);

    const set = columnsOf(REPORT_FIELDS, body);
    await bumpVersion(trx, reportId, body.version, set, actor.id);

    const changes = body.entries ?? [];
    const fileChanges: { entryId: number; added: number[]; removed: number[] }[] = [];
    if (changes.length > 0) {
      const own = await trx
        .selectFrom('report_entries as e')
        .innerJoin('tasks as t', 't.id', 'e.task_id')
        .select(['e.id', 'e.review_state', 't.ordinal'])
        .where('e.report_id', '=', reportId)
        .execute();
      const ownById = new Map(own.map((e) => [e.id, e]));
      const now = rc.now();
      for (const [i, c] of changes.entries()) {
        const entry = ownById.get(c.id);
        if (!entry) {
          throw new AppError('VALIDATION_FAILED', `Nhiệm vụ #${c.id} không thuộc báo cáo này.`, [
            { path: `entries.${i}.id`, message: 'Không thuộc báo cáo này' },
          ]);
        }
        // A task the coordinator accepted on its own stays as accepted, even when the report comes back.
        if (entry.review_state === 'accepted')
          throw conflict(`Nhiệm vụ ${entry.ordinal} đã được chấp nhận nên đã khóa, không sửa được nữa.`);
        const files = await writeEntry(trx, reportId, c, { actorId: actor.id, now, path: `entries.${i}` });
        if (files) fileChanges.push(files);
      }
    }
    await audit(tx, {
      action: 'report.saved',
      entity: 'report',
      entityId: reportId,
      detail: {
        version: body.version + 1,
        fields: Object.keys(set),
        entries: changes.map((c) => c.id),
        ...(fileChanges.length > 0 ? { files: fileChanges } : {}),
      },
    });
  });
  return reportDetail(ctx, actor, await findReport(ctx.db, reportId));
}
