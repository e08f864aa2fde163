import { z } from 'zod';
import { ORGANISATION_GROUP_KEYS } from '../domain/organisations/groups';
import { ORGANISATION_KINDS } from '../domain/organisations/kinds';
import { planDraftSchema, planDutySchema, planTaskSchema, planWarningSchema } from './plan-draft';
import { idParamSchema, idSchema, versionSchema } from './primitives';

/** Longest agency name a draft may propose for a new agency (the registry's own name limit). */
export const AGENCY_NAME_MAX = 300;
/** Longest agency text a draft keeps from one cell; the importer shortens longer text with a warning. */
export const AGENCY_TEXT_MAX = 500;

/**
 * How one agency name in the document is tied to the registry. The importer proposes it with a
 * confidence; the officer may change it before confirming.
 */
export const agencyResolutionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('organisation'),
    organisationId: idSchema,
    confidence: z.number().min(0).max(1),
    /** Set by the importer when this agency did not exist on the plan's date, with its successor then. */
    notInForce: z
      .object({
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        status: z.enum(['ended', 'not_started']),
        successorId: z.number().int().positive().nullable(),
      })
      .optional(),
  }),
  z.object({
    type: z.literal('group'),
    groupKey: z.enum(ORGANISATION_GROUP_KEYS),
    confidence: z.number().min(0).max(1),
  }),
  /** Register a new agency on confirm (the document names one the registry lacks). */
  z.object({
    type: z.literal('new'),
    name: z.string().trim().min(1, 'Vui lòng nhập tên cơ quan mới').max(AGENCY_NAME_MAX),
    kind: z.enum(ORGANISATION_KINDS),
    /** Set when the officer chose this; the importer's own proposal still needs a look. */
    reviewed: z.boolean().optional(),
  }),
  /** Keep only the text; nobody is linked. */
  z.object({ type: z.literal('unresolved'), reviewed: z.boolean().optional() }),
]);
export type AgencyResolution = z.infer<typeof agencyResolutionSchema>;

/** Below this the UI highlights a match and asks the officer to check it. */
export const CERTAIN_MATCH = 0.8;

/** One agency named in a cell or heading, with the registry link the officer confirms. */
export const agencyLinkDraftSchema = z.object({
  text: z.string().trim().min(1, 'Tên cơ quan không được để trống').max(AGENCY_TEXT_MAX),
  resolution: agencyResolutionSchema,
});
export type AgencyLinkDraft = z.infer<typeof agencyLinkDraftSchema>;

/**
 * A task as the officer reviews it. `lead` and `coordinators` keep the document's words; `leads` and
 * `coordinatorLinks` are the agencies those words name (a lead cell may name several, e.g.
 * "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố").
 */
export const reviewTaskSchema = planTaskSchema.extend({
  leads: z.array(agencyLinkDraftSchema),
  coordinatorLinks: z.array(agencyLinkDraftSchema),
});
export type ReviewTask = z.infer<typeof reviewTaskSchema>;

/** A duty heading may name several agencies ("Báo Hưng Yên, Đài Phát thanh và Truyền hình"). */
export const reviewDutySchema = planDutySchema.extend({ agencies: z.array(agencyLinkDraftSchema) });
export type ReviewDuty = z.infer<typeof reviewDutySchema>;

export const reviewDraftSchema = planDraftSchema.extend({
  tasks: z.array(reviewTaskSchema),
  duties: z.array(reviewDutySchema),
  consolidatorResolution: agencyResolutionSchema.nullable(),
});
export type ReviewDraft = z.infer<typeof reviewDraftSchema>;

export const IMPORT_STATUSES = ['draft', 'confirmed', 'discarded'] as const;

export const importDocumentSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

export const planImportSchema = z.object({
  id: z.number().int(),
  status: z.enum(IMPORT_STATUSES),
  version: z.number().int(),
  /** Null for a plan entered by hand: there is no uploaded document (nor source text). */
  document: importDocumentSchema.nullable(),
  /** The document as text, shown beside the draft (for .docx: the text extracted from it). */
  sourceText: z.string(),
  draft: reviewDraftSchema,
  /** The same file, or a plan with the same number, issuer and date, is already in planwatch. */
  duplicateOf: z
    .object({ planId: z.number().int(), number: z.string().nullable(), title: z.string() })
    .nullable(),
  planId: z.number().int().nullable(),
  createdAt: z.string(),
  /**
   * What the registry lacks for this draft, judged now: a named group the draft uses that names no
   * agency on the plan's date or today (its tasks would reach nobody).
   */
  registryWarnings: z.array(planWarningSchema),
});
export type PlanImport = z.infer<typeof planImportSchema>;

export const importIdParamsSchema = z.object({ id: idParamSchema });

export const saveImportDraftRequestSchema = z.object({
  /** The version the officer edited; a newer one on the server means someone else saved first. */
  version: versionSchema,
  draft: reviewDraftSchema,
});

export const confirmImportResponseSchema = z.object({ planId: z.number().int() });

export const planImportSummarySchema = z.object({
  id: z.number().int(),
  status: z.enum(IMPORT_STATUSES),
  filename: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  planId: z.number().int().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type PlanImportSummary = z.infer<typeof planImportSummarySchema>;

export const importListQuerySchema = z.object({ status: z.enum(IMPORT_STATUSES).optional() });
export const importListResponseSchema = z.object({ items: z.array(planImportSummarySchema) });

/**
 * A plan entered by hand (issue 13 item 5) starts as an empty draft of its consolidating agency: a
 * coordinator's own agency, or any agency an administrator names.
 */
export const createPlanDraftRequestSchema = z.object({ consolidatorId: idSchema });
export type CreatePlanDraftRequest = z.infer<typeof createPlanDraftRequestSchema>;

/** An open hand-made draft, as the list of drafts to continue shows it. */
export const handMadeDraftSummarySchema = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  title: z.string(),
  tasks: z.number().int(),
  consolidator: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdByName: z.string().nullable(),
});
export type HandMadeDraftSummary = z.infer<typeof handMadeDraftSummarySchema>;
export const handMadeDraftListResponseSchema = z.object({ items: z.array(handMadeDraftSummarySchema) });
