import type { DeadlineKind, TargetKind } from '../../../shared/contracts/plan-draft';
import { ORGANISATION_GROUPS, type OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import { sentenceCaseTitle } from '../../../shared/domain/text/sentence-case';

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  year: 'Năm',
  year_range: 'Giai đoạn',
  recurring: 'Hằng năm',
  date: 'Ngày cụ thể',
  quarter: 'Quý',
  month: 'Tháng',
  continuous: 'Thường xuyên',
  unknown: 'Chưa xác định',
};

/** Tag colours: time-bound kinds in blue tones, open-ended ones in green, unreadable ones in warning orange. */
export const DEADLINE_KIND_COLORS: Record<DeadlineKind, string> = {
  year: 'blue',
  year_range: 'geekblue',
  recurring: 'green',
  date: 'volcano',
  quarter: 'cyan',
  month: 'cyan',
  continuous: 'green',
  unknown: 'orange',
};

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  average_growth: 'Tăng bình quân/năm',
  level: 'Mức đạt trong năm',
  share: 'Tỷ trọng',
  count: 'Số lượng',
  percentage: 'Tỷ lệ',
};

export function groupLabel(key: OrganisationGroupKey): string {
  return ORGANISATION_GROUPS[key].label;
}

/**
 * A plan's title as lists show it: sentence case when published in capitals; the issuer's name
 * ("UBND tỉnh Hưng Yên") is a name known from data, so its capitals come back where the title repeats it.
 */
export function listTitle(plan: { title: string; issuer: string | null }): string {
  return sentenceCaseTitle(plan.title, plan.issuer === null ? [] : [plan.issuer]);
}
