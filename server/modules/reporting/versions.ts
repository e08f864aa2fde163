import { ENTRY_FIELDS, type FieldDef, REPORT_FIELDS } from '../../../shared/contracts/report-fields';
import {
  type ReportSnapshot,
  type ReportVersion,
  reportSnapshotSchema,
  type SnapshotEntry,
} from '../../../shared/contracts/reporting';
import { diffSnapshots } from '../../../shared/domain/reporting/diff-snapshots';
import type { AppContext } from '../../context';
import type { Db } from '../../db/db';
import type { AuthUser } from '../../http/auth-state';
import { AppError, notFound } from '../../http/errors';
import { person } from '../../lib/person';
import { fieldValues } from './report-mapper';
import { assertCanRead } from './report-policy';
import { entryRows } from './report-repository';
import { findReport } from './report-service';

/** The report as it stands, in the shape kept for every submission. */
export async function buildSnapshot(db: Db, reportId: number): Promise<ReportSnapshot> {
  const r = await db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
  const entries = await entryRows(db, [reportId]);
  return {
    ...fieldValues<Omit<ReportSnapshot, 'entries'>>(REPORT_FIELDS, r),
    entries: entries.map((e) => ({
      taskId: e.task_id,
      taskOrdinal: e.ordinal,
      taskContent: e.content,
      role: e.role,
      ...fieldValues<Omit<SnapshotEntry, 'taskId' | 'taskOrdinal' | 'taskContent' | 'role'>>(ENTRY_FIELDS, e),
      files: e.files.map((f) => ({ id: f.id, filename: f.filename, sha256: f.sha256 })),
    })),
  };
}

function versionQuery(db: Db, reportId: number) {
  return db
    .selectFrom('report_versions as v')
    .leftJoin('users as u', 'u.id', 'v.submitted_by')
    .select([
      'v.version_no',
      'v.submitted_at',
      'v.submitted_by',
      'v.late',
      'v.snapshot_json',
      'u.full_name as submitter_name',
    ])
    .where('v.report_id', '=', reportId);
}
type VersionRow = Awaited<ReturnType<ReturnType<typeof versionQuery>['execute']>>[number];

const summaryOf = (v: VersionRow) => ({
  versionNo: v.version_no,
  submittedAt: v.submitted_at,
  submittedBy: person(v.submitted_by, v.submitter_name),
  late: v.late === 1,
});

/**
 * A snapshot kept while an entry held one file (`attachment`, before migration 20261201T1040) reads
 * as a list of that one file, or none.
 */
function filesOf(e: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(e.files)) return e;
  const { attachment, ...rest } = e;
  return { ...rest, files: attachment ? [attachment] : [] };
}

/**
 * A snapshot kept before a field was added to a table has no key for it: read it as empty (null), so
 * old versions still open and compare.
 */
function withEveryField(raw: Record<string, unknown>): Record<string, unknown> {
  const fill = (fields: readonly FieldDef[], o: Record<string, unknown>) => ({
    ...Object.fromEntries(fields.map((f) => [f.key, null])),
    ...o,
  });
  const entries = Array.isArray(raw.entries) ? (raw.entries as Record<string, unknown>[]) : [];
  return { ...fill(REPORT_FIELDS, raw), entries: entries.map((e) => fill(ENTRY_FIELDS, filesOf(e))) };
}

const fullOf = (v: VersionRow): ReportVersion => ({
  ...summaryOf(v),
  snapshot: reportSnapshotSchema.parse(withEveryField(JSON.parse(v.snapshot_json))),
});

async function readable(ctx: AppContext, user: AuthUser, reportId: number) {
  const row = await findReport(ctx.db, reportId);
  assertCanRead(user, row);
  return row;
}

export async function listVersions(ctx: AppContext, user: AuthUser, reportId: number) {
  await readable(ctx, user, reportId);
  const rows = await versionQuery(ctx.db, reportId).orderBy('v.version_no', 'desc').execute();
  return { items: rows.map(summaryOf) };
}

export async function getVersion(ctx: AppContext, user: AuthUser, reportId: number, versionNo: number) {
  await readable(ctx, user, reportId);
  const row = await versionQuery(ctx.db, reportId).where('v.version_no', '=', versionNo).executeTakeFirst();
  if (!row) throw notFound('phiên bản báo cáo');
  return fullOf(row);
}

/** Two submitted versions and what changed between them (default: the latest against the one before). */
export async function compareVersions(
  ctx: AppContext,
  user: AuthUser,
  reportId: number,
  q: { from?: number | undefined; to?: number | undefined },
) {
  await readable(ctx, user, reportId);
  const rows = await versionQuery(ctx.db, reportId).orderBy('v.version_no').execute();
  const to = q.to ?? rows.at(-1)?.version_no;
  const from = q.from ?? (to === undefined ? undefined : to - 1);
  const a = rows.find((r) => r.version_no === from);
  const b = rows.find((r) => r.version_no === to);
  if (!a || !b) {
    throw new AppError(
      'NOT_FOUND',
      rows.length < 2
        ? 'Báo cáo mới có một lần gửi, chưa có phiên bản nào để so sánh.'
        : 'Không tìm thấy phiên bản cần so sánh.',
    );
  }
  const fa = fullOf(a);
  const fb = fullOf(b);
  return { from: fa, to: fb, changes: diffSnapshots(fa.snapshot, fb.snapshot) };
}
