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
    const link = {
      type: 'organisation' as const,
      organisationId: match.organisationId,
      confidence: match.confidence,
    };
    return match.notInForce ? { ...link, notInForce: match.notInForce } : link;
  }
  if (match.kind === 'group')
    return { type: 'group', groupKey: match.groupKey, confidence: match.confidence };
  const name = match.proposedName.trim();
  return name ? { type: 'new', name, kind: guessOrganisationKind(name) } : { type: 'unresolved' };
}

/** Whether a person must look at this agency link before it is trusted. */
export function isUncertainResolution(r: AgencyResolution): boolean {
  // An agency that did not exist on the plan's date is never a link to trust without a look.
  if (r.type === 'organisation') return r.confidence < CERTAIN_MATCH || r.notInForce !== undefined;
  if (r.type === 'group') return r.confidence < CERTAIN_MATCH;
  return r.reviewed !== true;
}

/**
 * Attaches a proposed registry link to every agency name in a parsed plan. `wholeNames` are registry names
 * containing a comma, kept whole when a cell is cut at commas; the parser's coordinator list was cut
 * without them, so it is joined and cut again here.
 */
export function toReviewDraft(
  draft: PlanDraft,
  match: (raw: string) => AgencyMatch,
  wholeNames: readonly string[] = [],
): ReviewDraft {
  const resolve = (raw: string) => resolutionFromMatch(match(raw));
  const links = (texts: string[]) => texts.map((text) => ({ text, resolution: resolve(text) }));
  const split = (text: string) => splitAgencyList(text, wholeNames);
  const tasks: ReviewTask[] = draft.tasks.map((t) => ({
    ...t,
    leads: links(split(t.lead)),
    coordinatorLinks: links(split(t.coordinators.join(', '))),
  }));
  const duties: ReviewDuty[] = draft.duties.map((d) => ({
    ...d,
    agencies: links(split(d.agencyText)),
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
