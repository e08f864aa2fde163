import type { PlanImport, PlanImportSummary, ReviewDraft } from '../../../shared/contracts/plan-import';
import { reviewDraftSchema } from '../../../shared/contracts/plan-import';
import { emptyGroupWarnings, type OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import { matchAgency, namesWithCommas, type RegistryEntry } from '../../../shared/domain/organisations/match';
import { readPlanUpload } from '../../../shared/domain/plan-import/read-upload';
import { toReviewDraft } from '../../../shared/domain/plan-import/review';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { type ActionContext, type AppContext, inTransaction, type RequestContext } from '../../context';
import { type FileStore, sha256Hex } from '../../files/file-store';
import { fileStoreOf } from '../../files/select-file-store';
import { AppError, conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { listOrganisations } from '../organisations/organisation-service';
import {
  findDocumentBySha,
  findDuplicatePlan,
  findImportWithDocument,
  findOpenDraftForDocument,
  type ImportRow,
  insertDocument,
  insertImport,
  listImportRows,
  updateImportDraft,
} from './import-repository';
import { uploadConverters } from './upload-converters';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Largest review draft a save may send: room for plans far beyond the 10,000 tasks tested. */
export const MAX_DRAFT_BYTES = 32 * 1024 * 1024;

/**
 * Document text is kept as read, except NUL (U+0000), which PostgreSQL text cannot hold and which
 * no real plan contains: it is dropped from the stored source text and draft.
 */
const withoutNul = (text: string): string => (text.includes('\u0000') ? text.replaceAll('\u0000', '') : text);
const draftJson = (draft: ReviewDraft): string =>
  JSON.stringify(draft, (_key, value: unknown) => (typeof value === 'string' ? withoutNul(value) : value));

function fileStore(ctx: AppContext): FileStore {
  return fileStoreOf(ctx);
}

/** The registry as the matcher sees it: names, short names and aliases of every agency. */
export async function agencyRegistry(ctx: AppContext): Promise<RegistryEntry[]> {
  const orgs = await listOrganisations(ctx, {});
  return orgs.map((o) => ({
    id: o.id,
    code: o.code,
    name: o.name,
    aliases: [...(o.shortName ? [o.shortName] : []), ...o.aliases],
    validFrom: o.validFrom,
    validTo: o.validTo,
    successorId: o.successorId,
  }));
}

async function toView(ctx: AppContext, row: ImportRow): Promise<PlanImport> {
  const draft = reviewDraftSchema.parse(JSON.parse(row.draft_json));
  const registryWarnings = await emptyGroupsOfDraft(ctx, draft);
  const dup =
    row.status === 'confirmed'
      ? null
      : await findDuplicatePlan(ctx.db, {
          documentId: row.document_id,
          number: draft.number,
          issuedOn: draft.issuedOn,
        });
  return {
    id: row.id,
    status: row.status as PlanImport['status'],
    version: row.version,
    document:
      row.document_id === null
        ? null
        : {
            id: row.document_id,
            filename: row.filename ?? '',
            mediaType: row.media_type ?? '',
            size: row.size ?? 0,
            sha256: row.sha256 ?? '',
          },
    sourceText: row.source_text,
    draft,
    duplicateOf: dup ? { planId: dup.id, number: dup.number, title: dup.title } : null,
    planId: row.plan_id,
    createdAt: row.created_at,
    registryWarnings,
  };
}

/** The named groups a draft links to. */
function groupKeysOf(draft: ReviewDraft): OrganisationGroupKey[] {
  const links = [
    ...draft.tasks.flatMap((t) => [...t.leads, ...t.coordinatorLinks]),
    ...draft.duties.flatMap((d) => d.agencies),
  ].map((l) => l.resolution);
  if (draft.consolidatorResolution) links.push(draft.consolidatorResolution);
  return links.flatMap((r) => (r.type === 'group' ? [r.groupKey] : []));
}

/**
 * Groups of the draft that name nobody on the plan's date or today (issue 14): the officer learns in
 * the review that, say, "UBND các xã, phường" has no commune in the registry yet.
 */
async function emptyGroupsOfDraft(
  ctx: AppContext,
  draft: ReviewDraft,
): Promise<PlanImport['registryWarnings']> {
  const keys = groupKeysOf(draft);
  if (keys.length === 0) return [];
  const orgs = (
    await ctx.db.selectFrom('organisations').select(['id', 'kind', 'valid_from', 'valid_to']).execute()
  ).map((o) => ({ id: o.id, kind: o.kind, validFrom: o.valid_from, validTo: o.valid_to }));
  const today = localDate(new Date());
  const consequence = () => 'các nhiệm vụ giao cho nhóm này sẽ không đến được cơ quan nào.';
  const dates: [string, string][] = [];
  if (draft.issuedOn) dates.push([draft.issuedOn, 'ngày ban hành kế hoạch']);
  if (draft.issuedOn !== today) dates.push([today, 'hôm nay']);
  return dates.flatMap(([on, what]) =>
    emptyGroupWarnings(keys, orgs, on, what, consequence).map((w) => ({
      code: 'group_resolves_to_nobody',
      message: w.message,
      line: null,
    })),
  );
}

/**
 * The routes of uploads serve uploaded drafts only: a draft entered by hand has its own routes, which
 * check its consolidating agency (hand-made-service.ts).
 */
export async function assertUploadedImport(ctx: AppContext, id: number): Promise<void> {
  const row = await findImportWithDocument(ctx.db, id);
  if (!row || row.document_id === null) throw notFound('phiên nhập kế hoạch');
}

export async function getImport(ctx: AppContext, id: number): Promise<PlanImport> {
  const row = await findImportWithDocument(ctx.db, id);
  if (!row) throw notFound('phiên nhập kế hoạch');
  return toView(ctx, row);
}

/**
 * Reads an uploaded plan into a draft for review. Nothing becomes a plan here: the file and the
 * draft are kept so the officer can correct the draft and confirm it.
 */
export async function createImport(
  rc: ActionContext,
  upload: { filename: string; bytes: Uint8Array },
): Promise<PlanImport> {
  if (upload.bytes.byteLength > MAX_UPLOAD_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp vượt quá 20 MB.');
  const known = await findDocumentBySha(rc.db, sha256Hex(upload.bytes));
  const open = known ? await findOpenDraftForDocument(rc.db, known.id) : undefined;
  // The same file again while its draft is still open: continue that draft, corrections included.
  if (open) return getImport(rc.app, open.id);
  const read = await readPlanUpload(upload.filename, upload.bytes, uploadConverters(rc.app.config.documents));
  if (!read.ok) {
    throw new AppError('VALIDATION_FAILED', read.error.message);
  }
  const registry = await agencyRegistry(rc.app);
  // Names are matched as of the plan's date: an agency abolished before it is flagged, its successor proposed.
  const draft: ReviewDraft = toReviewDraft(
    read.draft,
    (raw) => matchAgency(raw, registry, read.draft.issuedOn),
    namesWithCommas(registry),
  );
  const sha = sha256Hex(upload.bytes);
  await fileStore(rc.app).put(upload.bytes);
  const id = await inTransaction(rc, async (tx) => {
    const existing = await findDocumentBySha(tx.db, sha);
    const documentId =
      existing?.id ??
      (await insertDocument(tx.db, {
        sha256: sha,
        filename: upload.filename,
        mediaType: read.mediaType,
        size: upload.bytes.byteLength,
        uploadedBy: rc.actor?.id ?? null,
      }));
    const importId = await insertImport(tx.db, {
      documentId,
      sourceText: withoutNul(read.sourceText),
      draftJson: draftJson(draft),
      createdBy: rc.actor?.id ?? null,
    });
    await audit(tx, {
      action: 'plan_import.created',
      entity: 'plan_import',
      entityId: importId,
      detail: {
        filename: upload.filename,
        sha256: sha,
        tasks: draft.tasks.length,
        targets: draft.targets.length,
      },
    });
    return importId;
  });
  return getImport(rc.app, id);
}

export async function saveImportDraft(
  rc: RequestContext,
  id: number,
  input: { version: number; draft: ReviewDraft },
): Promise<PlanImport> {
  const row = await findImportWithDocument(rc.db, id);
  if (!row) throw notFound('phiên nhập kế hoạch');
  if (row.status !== 'draft') throw conflict('Bản nháp này đã được xác nhận hoặc hủy, không sửa được nữa.');
  const saved = await inTransaction(rc, async (tx) => {
    const ok = await updateImportDraft(tx.db, id, input.version, JSON.stringify(input.draft));
    if (ok) {
      await audit(tx, {
        action: 'plan_import.edited',
        entity: 'plan_import',
        entityId: id,
      });
    }
    return ok;
  });
  if (!saved) {
    throw conflict(
      'Bản nháp đã được người khác lưu sau khi bạn mở. Hãy tải lại để xem bản mới nhất rồi sửa tiếp.',
    );
  }
  return getImport(rc.app, id);
}

export async function readOriginal(ctx: AppContext, sha256: string): Promise<Buffer> {
  const bytes = await fileStore(ctx).get(sha256);
  if (!bytes) throw new AppError('INTERNAL', `Không tìm thấy tệp văn bản gốc đã lưu (SHA-256 ${sha256}).`);
  return bytes;
}

export async function listImports(
  ctx: AppContext,
  status?: PlanImportSummary['status'],
): Promise<PlanImportSummary[]> {
  const rows = await listImportRows(ctx.db, status);
  return rows.map((r) => {
    const draft = JSON.parse(r.draft_json) as { number: string | null; title: string };
    return {
      id: r.id,
      status: r.status as PlanImportSummary['status'],
      filename: r.filename,
      number: draft.number,
      title: draft.title,
      planId: r.plan_id,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
    };
  });
}
