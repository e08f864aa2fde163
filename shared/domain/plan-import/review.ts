import type { PlanDraft } from '../../contracts/plan-draft';
import {
  type AgencyResolution,
  CERTAIN_MATCH,
  type ReviewDraft,
  type ReviewDuty,
  type ReviewTask,
} from '../../contracts/plan-import';
import { guessOrganisationKind } from '../organisations/guess-kind';
import { type AgencyMatch, splitAgencyList } from '../organisations/match';

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
  return r.reviewed !== true;
}

/** Attaches a proposed registry link to every agency name in a parsed plan. */
export function toReviewDraft(draft: PlanDraft, match: (raw: string) => AgencyMatch): ReviewDraft {
  const resolve = (raw: string) => resolutionFromMatch(match(raw));
  const links = (texts: string[]) => texts.map((text) => ({ text, resolution: resolve(text) }));
  const tasks: ReviewTask[] = draft.tasks.map((t) => ({
    ...t,
    leads: links(splitAgencyList(t.lead)),
    coordinatorLinks: links(t.coordinators.flatMap(splitAgencyList)),
  }));
  const duties: ReviewDuty[] = draft.duties.map((d) => ({
    ...d,
    agencies: links(splitAgencyList(d.agencyText)),
  }));
  const consolidator = draft.regime?.consolidator;
  return { ...draft, tasks, duties, consolidatorResolution: consolidator ? resolve(consolidator) : null };
}

/** How many fields of a draft still need the officer's eye: uncertain agencies and unreadable deadlines. */
export function countUncertain(draft: ReviewDraft): number {
  let n = 0;
  const uncertain = (links: { resolution: AgencyResolution }[]) =>
    links.filter((l) => isUncertainResolution(l.resolution)).length;
  for (const t of draft.tasks) {
    n += uncertain(t.leads) + uncertain(t.coordinatorLinks);
    if (t.leads.length === 0) n++; // a task nobody leads must be looked at
    if (t.deadline.kind === 'unknown') n++;
  }
  for (const d of draft.duties) n += uncertain(d.agencies);
  if (draft.consolidatorResolution && isUncertainResolution(draft.consolidatorResolution)) n++;
  return n;
}
