import type { PlanDraft, PlanWarning } from '../../contracts/plan-draft';
import {
  AGENCY_NAME_MAX,
  AGENCY_TEXT_MAX,
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
  // Text longer than any agency's name is not a name (a pasted paragraph, a broken cell): the officer decides.
  return name && name.length <= AGENCY_NAME_MAX
    ? { type: 'new', name, kind: guessOrganisationKind(name) }
    : { type: 'unresolved' };
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
  // Plans repeat the same agencies on every row; each distinct text is matched once.
  const resolved = new Map<string, AgencyResolution>();
  const resolve = (raw: string) => {
    let resolution = resolved.get(raw);
    if (resolution === undefined) {
      resolution = resolutionFromMatch(match(raw));
      resolved.set(raw, resolution);
    }
    // A copy per link: the officer's edits to one link must not change the others with the same text.
    return structuredClone(resolution);
  };
  const warnings: PlanWarning[] = [];
  const links = (texts: string[], where: string) =>
    texts.map((text) => {
      const kept = shortenAgencyText(text);
      if (kept === text) return { text, resolution: resolve(text) };
      warnings.push(longAgencyWarning(where, text.length));
      // Never trusted as it stands: the officer must pick the agency the cell meant.
      return { text: kept, resolution: { type: 'unresolved' as const } };
    });
  const split = (text: string) => splitAgencyList(text, wholeNames);
  const tasks: ReviewTask[] = draft.tasks.map((t) => ({
    ...t,
    leads: links(split(t.lead), `cột cơ quan chủ trì của nhiệm vụ ${t.ordinal}`),
    coordinatorLinks: links(
      split(t.coordinators.join(', ')),
      `cột cơ quan phối hợp của nhiệm vụ ${t.ordinal}`,
    ),
  }));
  const duties: ReviewDuty[] = draft.duties.map((d) => ({
    ...d,
    agencies: links(split(d.agencyText), `đề mục nhiệm vụ của cơ quan ${d.ordinal}`),
  }));
  const consolidator = draft.regime?.consolidator;
  return {
    ...draft,
    tasks,
    duties,
    consolidatorResolution: consolidator ? resolve(consolidator) : null,
    warnings: [...draft.warnings, ...warnings],
  };
}

/** Text cut to what a draft keeps (AGENCY_TEXT_MAX), marked with "…"; shorter text is returned as is. */
export function shortenAgencyText(text: string): string {
  if (text.trim().length <= AGENCY_TEXT_MAX) return text;
  let cut = text.trim().slice(0, AGENCY_TEXT_MAX - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never split a surrogate pair
  return `${cut.trimEnd()}…`;
}

function longAgencyWarning(where: string, length: number): PlanWarning {
  return {
    code: 'agency_text_too_long',
    message:
      `Tên cơ quan ở ${where} dài ${length} ký tự, quá giới hạn ${AGENCY_TEXT_MAX} ký tự của một tên cơ quan: ` +
      'đã rút gọn và để trống liên kết. Vui lòng đối chiếu văn bản gốc và chọn cơ quan đúng.',
    line: null,
  };
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
