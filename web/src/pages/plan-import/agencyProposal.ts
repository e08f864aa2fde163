import type { Organisation } from '../../../../shared/contracts/organisations';
import type { AgencyLinkDraft, AgencyResolution } from '../../../../shared/contracts/plan-import';
import {
  matchAgency,
  namesWithCommas,
  type RegistryEntry,
  splitAgencyList,
} from '../../../../shared/domain/organisations/match';
import { resolutionFromMatch } from '../../../../shared/domain/plan-import/review';

/** The registry as the server's matcher sees it (names, short names, aliases), so proposals agree with it. */
export function toRegistry(organisations: readonly Organisation[]): RegistryEntry[] {
  return organisations.map((o) => ({
    id: o.id,
    code: o.code,
    name: o.name,
    aliases: [...(o.shortName ? [o.shortName] : []), ...o.aliases],
    validFrom: o.validFrom,
    validTo: o.validTo,
    successorId: o.successorId,
  }));
}

/** A fresh proposal for a name the officer typed or corrected, made exactly as the importer would. */
export function proposeResolution(text: string, registry: readonly RegistryEntry[]): AgencyResolution {
  if (!text.trim()) return { type: 'unresolved' };
  return resolutionFromMatch(matchAgency(text, registry));
}

/**
 * The agencies a corrected cell names, split as the importer splits it. A name that was already in the
 * cell keeps the link the officer gave it; only new names get a fresh proposal.
 */
export function relinkCell(
  cellText: string,
  previous: readonly AgencyLinkDraft[],
  registry: readonly RegistryEntry[],
): AgencyLinkDraft[] {
  const kept = new Map(previous.map((l) => [l.text, l.resolution]));
  return splitAgencyList(cellText, namesWithCommas(registry)).map((text) => ({
    text,
    resolution: kept.get(text) ?? proposeResolution(text, registry),
  }));
}
