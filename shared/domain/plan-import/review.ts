import type { PlanDraft } from '../../contracts/plan-draft';
import {
  type AgencyResolution,
  CERTAIN_MATCH,
  type ReviewDraft,
  type ReviewDuty,
  type ReviewTask,
} from '../../contracts/plan-import';
import { guessOrganisationKind } from '../organisations/guess-kind';
import type { AgencyMatch } from '../organisations/match';

/** The importer's proposal for one agency name, ready for the officer to accept or change. */
export function resolutionFromMatch(match: AgencyMatch): AgencyResolution {
  if (match.kind === 'organisation') {
    return { type: 'organisation', organisationId: match.organisationId, confidence: match.confidence };
  }
  if (match.kind === 'group')
    return { type: 'group', groupKey: match.groupKey, confidence: match.confidence };
  const name = match.proposedName.trim();
  return name ? { type: 'new', name, kind: guessOrganisationKind(name) } : { type: 'unresolved' };
}

/** Whether a person must look at this agency link before it is trusted. */
export function isUncertainResolution(r: AgencyResolution): boolean {
  if (r.type === 'organisation' || r.type === 'group') return r.confidence < CERTAIN_MATCH;
  return true;
}

/** Attaches a proposed registry link to every agency name in a parsed plan. */
export function toReviewDraft(draft: PlanDraft, match: (raw: string) => AgencyMatch): ReviewDraft {
  const resolve = (raw: string) => resolutionFromMatch(match(raw));
  const tasks: ReviewTask[] = draft.tasks.map((t) => ({
    ...t,
    leadResolution: t.lead.trim() ? resolve(t.lead) : { type: 'unresolved' },
    coordinatorResolutions: t.coordinators.map(resolve),
  }));
  const duties: ReviewDuty[] = draft.duties.map((d) => ({ ...d, resolution: resolve(d.agencyText) }));
  const consolidator = draft.regime?.consolidator;
  return { ...draft, tasks, duties, consolidatorResolution: consolidator ? resolve(consolidator) : null };
}

/** How many fields of a draft still need the officer's eye: uncertain agencies and unreadable deadlines. */
export function countUncertain(draft: ReviewDraft): number {
  let n = 0;
  for (const t of draft.tasks) {
    if (isUncertainResolution(t.leadResolution)) n++;
    n += t.coordinatorResolutions.filter(isUncertainResolution).length;
    if (t.deadline.kind === 'unknown') n++;
  }
  n += draft.duties.filter((d) => isUncertainResolution(d.resolution)).length;
  return n;
}
