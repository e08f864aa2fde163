import type { Attachment } from '../../../shared/contracts/reporting';
import type { Db } from '../../db/db';
import { AppError } from '../../http/errors';
import { chunks } from '../../lib/chunks';
import { person } from '../../lib/person';

/**
 * The product files of task entries: any number per entry (report_entry_files, migration
 * 20261201T1040), each a file uploaded to the entry's report (report_attachments). Detaching a file
 * removes the link only: the file stays stored, and the versions that listed it still open it.
 */

/** The files of the given entries, in the order they were attached. */
export async function listEntryFiles(db: Db, entryIds: readonly number[]) {
  const out: Awaited<ReturnType<typeof filesQuery>> = [];
  for (const part of chunks([...entryIds], 500)) out.push(...(await filesQuery(db, part)));
  return out;
}

function filesQuery(db: Db, entryIds: number[]) {
  return db
    .selectFrom('report_entry_files as f')
    .innerJoin('report_attachments as a', 'a.id', 'f.attachment_id')
    .leftJoin('users as up', 'up.id', 'a.uploaded_by')
    .select([
      'f.entry_id',
      'a.id',
      'a.report_id',
      'a.filename',
      'a.media_type',
      'a.size',
      'a.sha256',
      'a.uploaded_at',
      'a.uploaded_by',
      'up.full_name as uploader_name',
    ])
    .where('f.entry_id', 'in', entryIds)
    .orderBy('f.entry_id')
    .orderBy('f.id')
    .execute();
}
export type EntryFileRow = Awaited<ReturnType<typeof filesQuery>>[number];

/** Entry rows with their files (`files`), read in one more query for all of them. */
export async function withEntryFiles<T extends { id: number }>(
  db: Db,
  rows: T[],
): Promise<(T & { files: EntryFileRow[] })[]> {
  if (rows.length === 0) return [];
  const byEntry = new Map<number, EntryFileRow[]>();
  for (const f of await listEntryFiles(
    db,
    rows.map((r) => r.id),
  ))
    byEntry.set(f.entry_id, [...(byEntry.get(f.entry_id) ?? []), f]);
  return rows.map((r) => ({ ...r, files: byEntry.get(r.id) ?? [] }));
}

export function fileView(f: EntryFileRow): Attachment {
  return {
    id: f.id,
    reportId: f.report_id,
    filename: f.filename,
    mediaType: f.media_type,
    size: f.size,
    sha256: f.sha256,
    uploadedAt: f.uploaded_at,
    uploadedBy: person(f.uploaded_by, f.uploader_name),
    url: `/api/attachments/${f.id}`,
  };
}

/**
 * Makes an entry's files exactly `wanted` (ids of files uploaded to the same report), keeping the
 * order of those it already had and adding the new ones in the order given. Returns what changed,
 * for the audit. A file of another report is refused with the entry's field path.
 */
export async function setEntryFiles(
  db: Db,
  reportId: number,
  entryId: number,
  wanted: readonly number[],
  by: { actorId: number; now: string; path: string },
): Promise<{ added: number[]; removed: number[] }> {
  const ids = [...new Set(wanted)];
  if (ids.length > 0) {
    const own = await db
      .selectFrom('report_attachments')
      .select('id')
      .where('report_id', '=', reportId)
      .where('id', 'in', ids)
      .execute();
    if (own.length !== ids.length) {
      throw new AppError('VALIDATION_FAILED', 'Tệp đính kèm không thuộc báo cáo này.', [
        { path: by.path, message: 'Không thuộc báo cáo này' },
      ]);
    }
  }
  const current = (
    await db
      .selectFrom('report_entry_files')
      .select('attachment_id')
      .where('entry_id', '=', entryId)
      .execute()
  ).map((r) => r.attachment_id);
  const removed = current.filter((id) => !ids.includes(id));
  const added = ids.filter((id) => !current.includes(id));
  if (removed.length > 0)
    await db
      .deleteFrom('report_entry_files')
      .where('entry_id', '=', entryId)
      .where('attachment_id', 'in', removed)
      .execute();
  if (added.length > 0)
    await db
      .insertInto('report_entry_files')
      .values(
        added.map((attachment_id) => ({
          entry_id: entryId,
          attachment_id,
          added_by: by.actorId,
          added_at: by.now,
        })),
      )
      .execute();
  return { added, removed };
}
