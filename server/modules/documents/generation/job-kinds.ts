import type { AppContext } from '../../../context';
import type { AuthUser } from '../../../http/auth-state';

/**
 * The kinds of document generated as tracked jobs (table `generation_jobs`, column `kind`). A module
 * that generates a document registers its kind once, at start-up (before routes start jobs):
 *
 *   registerGenerationKind('midterm', { label: 'Báo cáo sơ kết', generate, assertCanStart });
 *
 * then starts jobs with `startGenerationJob` (job-runner.ts). The runner does the rest: the row and its
 * status, progress, the lease that lets a restart find a job whose process died, the file kept in
 * FileStore with who and when, and the Vietnamese message of a failure.
 */

/** An accepted report a document was made from, at the version (submission number) it had. */
export interface GenerationSource {
  reportId: number;
  organisation: string;
  versionNo: number;
}

export interface GenerationJobRef {
  id: number;
  kind: string;
  periodId: number | null;
  subjectId: number | null;
  requestedBy: number | null;
}

export interface GenerationRun {
  app: AppContext;
  job: GenerationJobRef;
  /** Records how far the work is (0–100); the page's progress bar reads it. */
  progress: (percent: number) => Promise<void>;
}

export interface GeneratedDocument {
  bytes: Uint8Array;
  /** The file's Vietnamese name with its extension (.docx, .xlsx, .pdf): what the download is called. */
  filename: string;
  /** What the document was made from, listed with the file. */
  sources: GenerationSource[];
}

/** The period a job belongs to, with its plan's consolidating agency: what start checks read. */
export interface GenerationTarget {
  periodId: number;
  consolidator_org_id: number | null;
  consolidator_name: string | null;
}

/**
 * What a job of the kind belongs to, and so where it is started and listed: `period` — the period
 * (`POST /api/reporting-periods/:id/generation-jobs`, the consolidated report); `plan` — a plan, through
 * its review period (`subject_id` = the plan: the mid-term and final reviews); `report` — one agency's
 * report (`subject_id` = the report). Only `period` kinds are started and listed through the period.
 */
export type GenerationScope = 'period' | 'plan' | 'report';

export interface GenerationKind {
  /** The kind's name in Vietnamese ("Báo cáo tổng hợp"), shown in the list of files. */
  label: string;
  /** Default `period`. */
  scope?: GenerationScope;
  /** The work: throw an AppError to fail with its (Vietnamese) message. */
  generate: (run: GenerationRun) => Promise<GeneratedDocument>;
  /**
   * Who may start it on a period; throws a 403 AppError otherwise. Default: the consolidated report's
   * rule (narrative/consolidated-policy.ts: coordinators of the consolidating agency, admins).
   */
  assertCanStart?: (user: AuthUser, target: GenerationTarget) => void;
}

const kinds = new Map<string, GenerationKind>();

/**
 * Registers a kind of generated document. Registering the same definition again is harmless (apps are
 * built more than once in tests); another definition under a taken name is a programming error.
 */
export function registerGenerationKind(kind: string, def: GenerationKind): void {
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(kind)) throw new Error(`generation kind name: ${kind}`);
  const known = kinds.get(kind);
  if (known && known !== def) throw new Error(`generation kind "${kind}" is already registered`);
  kinds.set(kind, def);
}

export const generationKind = (kind: string): GenerationKind | undefined => kinds.get(kind);
