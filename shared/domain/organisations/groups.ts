import type { OrganisationKind } from './kinds';
import { isValidOn, type Validity } from './validity';

/**
 * Plans assign work to collective phrases ("Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố").
 * Each named group is a rule over agency kinds, so it resolves to whichever agencies exist on a date:
 * after the 2025 district abolition the district group resolves to nobody, which is the truth.
 */
export const ORGANISATION_GROUPS = {
  so_ban_nganh: { label: 'Các sở, ban, ngành', kinds: ['so', 'ban'] },
  ubnd_cap_huyen: { label: 'UBND các huyện, thị xã, thành phố', kinds: ['ubnd_huyen'] },
  ubnd_cap_xa: { label: 'UBND các xã, phường, thị trấn', kinds: ['ubnd_xa'] },
  doan_the_hiep_hoi: { label: 'Các đoàn thể, hiệp hội', kinds: ['doan_the'] },
  bao_dai: { label: 'Các cơ quan báo, đài', kinds: ['bao_dai'] },
  doanh_nghiep: { label: 'Các doanh nghiệp', kinds: ['doanh_nghiep'] },
  don_vi_lien_quan: { label: 'Các cơ quan, đơn vị liên quan', kinds: [] },
} as const satisfies Record<string, { label: string; kinds: readonly OrganisationKind[] }>;

export type OrganisationGroupKey = keyof typeof ORGANISATION_GROUPS;

export const ORGANISATION_GROUP_KEYS = Object.keys(ORGANISATION_GROUPS) as OrganisationGroupKey[];

export interface GroupMemberCandidate extends Validity {
  id: number;
  kind: OrganisationKind;
}

/** Members of a named group on a date. "Các đơn vị liên quan" names no one in particular: empty. */
export function resolveGroup<T extends GroupMemberCandidate>(
  key: OrganisationGroupKey,
  organisations: readonly T[],
  date: string,
): T[] {
  const kinds: readonly OrganisationKind[] = ORGANISATION_GROUPS[key].kinds;
  return organisations.filter((o) => kinds.includes(o.kind) && isValidOn(o, date));
}

/** The named groups an agency of this kind belongs to (a task given to the group is its task too). */
export function groupsContainingKind(kind: OrganisationKind): OrganisationGroupKey[] {
  return ORGANISATION_GROUP_KEYS.filter((k) =>
    (ORGANISATION_GROUPS[k].kinds as readonly OrganisationKind[]).includes(kind),
  );
}

/** A named group that names nobody on a date, and why that matters, in Vietnamese. */
export interface EmptyGroupWarning {
  groupKey: OrganisationGroupKey;
  on: string;
  message: string;
}

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Groups a plan or a period relies on that resolve to no agency on a date: after the district level
 * was abolished "UBND các huyện, thị xã, thành phố" names nobody, and before a province's communes are
 * in the registry "UBND các xã, phường" names nobody either — a whole level would get no reports
 * without anyone noticing. "Các đơn vị liên quan" names no one by design and is never warned about.
 * `what` says what the date is ("ngày ban hành kế hoạch", "hạn nộp báo cáo"); `consequence` what is lost.
 */
export function emptyGroupWarnings(
  keys: Iterable<OrganisationGroupKey>,
  organisations: readonly GroupMemberCandidate[],
  on: string,
  what: string,
  consequence: (key: OrganisationGroupKey) => string,
): EmptyGroupWarning[] {
  const out: EmptyGroupWarning[] = [];
  for (const key of new Set(keys)) {
    if (ORGANISATION_GROUPS[key].kinds.length === 0) continue;
    if (resolveGroup(key, organisations, on).length > 0) continue;
    out.push({
      groupKey: key,
      on,
      message: `Nhóm “${ORGANISATION_GROUPS[key].label}” không gồm cơ quan nào trong danh mục vào ngày ${viDate(on)} (${what}): ${consequence(key)}`,
    });
  }
  return out;
}
