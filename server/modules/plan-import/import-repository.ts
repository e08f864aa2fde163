import type { Kysely } from 'kysely';
import { nowIso } from '../../context';
import type { Database, PlanImportsTable } from '../../db/schema';

export async function findDocumentBySha(db: Kysely<Database>, sha256: string) {
  return db.selectFrom('documents').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function insertDocument(
  db: Kysely<Database>,
  d: { sha256: string; filename: string; mediaType: string; size: number; uploadedBy: number | null },
): Promise<number> {
  const row = await db
    .insertInto('documents')
    .values({
      sha256: d.sha256,
      filename: d.filename,
      media_type: d.mediaType,
      size: d.size,
      uploaded_by: d.uploadedBy,
      uploaded_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertImport(
  db: Kysely<Database>,
  i: { documentId: number | null; sourceText: string; draftJson: string; createdBy: number | null },
): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('plan_imports')
    .values({
      document_id: i.documentId,
      status: 'draft',
      version: 1,
      source_text: i.sourceText,
      draft_json: i.draftJson,
      plan_id: null,
      created_by: i.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findImportWithDocument(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('plan_imports')
    .leftJoin('documents', 'documents.id', 'plan_imports.document_id')
    .select([
      'plan_imports.id',
      'plan_imports.status',
      'plan_imports.version',
      'plan_imports.source_text',
      'plan_imports.draft_json',
      'plan_imports.plan_id',
      'plan_imports.created_by',
      'plan_imports.created_at',
      'plan_imports.document_id',
      'documents.filename',
      'documents.media_type',
      'documents.size',
      'documents.sha256',
    ])
    .where('plan_imports.id', '=', id)
    .executeTakeFirst();
}

export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImportWithDocument>>>;

/** Saves only if nobody saved since `version` was read; returns whether it did. */
export async function updateImportDraft(
  db: Kysely<Database>,
  id: number,
  version: number,
  draftJson: string,
): Promise<boolean> {
  const r = await db
    .updateTable('plan_imports')
    .set({ draft_json: draftJson, version: version + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setImportStatus(
  db: Kysely<Database>,
  id: number,
  fromStatus: PlanImportsTable['status'],
  status: PlanImportsTable['status'],
  planId: number | null,
): Promise<boolean> {
  const r = await db
    .updateTable('plan_imports')
    .set((eb) => ({ status, plan_id: planId, version: eb('version', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A plan already made from this file, or with the same number and date (the same document retyped). */
export async function findDuplicatePlan(
  db: Kysely<Database>,
  q: { documentId: number | null; number: string | null; issuedOn: string | null; excludeImportId?: number },
) {
  let query = db.selectFrom('plans').select(['id', 'number', 'title']);
  query = query.where((eb) => {
    const ors = q.documentId === null ? [] : [eb('document_id', '=', q.documentId)];
    if (q.number && q.issuedOn)
      ors.push(eb.and([eb('number', '=', q.number), eb('issued_on', '=', q.issuedOn)]));
    return eb.or(ors);
  });
  return query.orderBy('id').executeTakeFirst();
}

/** The open draft already made from this file, if any: a second upload continues it. */
export async function findOpenDraftForDocument(db: Kysely<Database>, documentId: number) {
  return db
    .selectFrom('plan_imports')
    .select('id')
    .where('document_id', '=', documentId)
    .where('status', '=', 'draft')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * Newest first; the draft JSON is read only for the number and title shown in the list. Uploads only:
 * drafts entered by hand are listed by their own page (hand-made-service.ts).
 */
export async function listImportRows(db: Kysely<Database>, status?: PlanImportsTable['status']) {
  let q = db
    .selectFrom('plan_imports')
    .innerJoin('documents', 'documents.id', 'plan_imports.document_id')
    .leftJoin('users', 'users.id', 'plan_imports.created_by')
    .select([
      'plan_imports.id',
      'plan_imports.status',
      'plan_imports.draft_json',
      'plan_imports.plan_id',
      'plan_imports.created_at',
      'documents.filename',
      'users.full_name as created_by_name',
    ]);
  if (status) q = q.where('plan_imports.status', '=', status);
  return q.orderBy('plan_imports.id', 'desc').limit(100).execute();
}

/** Open drafts entered by hand (no document), newest change first. */
export async function listHandMadeRows(db: Kysely<Database>) {
  return db
    .selectFrom('plan_imports')
    .leftJoin('users', 'users.id', 'plan_imports.created_by')
    .select([
      'plan_imports.id',
      'plan_imports.draft_json',
      'plan_imports.created_at',
      'plan_imports.updated_at',
      'users.full_name as created_by_name',
    ])
    .where('plan_imports.document_id', 'is', null)
    .where('plan_imports.status', '=', 'draft')
    .orderBy('plan_imports.updated_at', 'desc')
    .orderBy('plan_imports.id', 'desc')
    .limit(100)
    .execute();
}
