import { z } from 'zod';

/**
 * The search across everything from the header (GET /api/search): plans, tasks, reports and agencies
 * whose folded text (case and diacritics ignored, "đ" read as "d") contains the words typed, each kind
 * limited to what the caller may read.
 */

export const SEARCH_KINDS = ['plan', 'task', 'report', 'organisation'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  plan: 'Kế hoạch',
  task: 'Nhiệm vụ',
  report: 'Báo cáo',
  organisation: 'Cơ quan, đơn vị',
};

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LIMIT = 50;
/**
 * Matches of a kind are counted up to this many: past it the answer is "hơn 100" (`totalCapped`).
 * Counting every match read every matching row (12,700 tasks for "thi diem") to print one number.
 */
export const SEARCH_COUNT_CAP = 100;

export const searchQuerySchema = z.object({
  q: z
    .string('Hãy nhập từ khóa tìm kiếm')
    .trim()
    .min(SEARCH_MIN_LENGTH, `Từ khóa tìm kiếm phải có ít nhất ${SEARCH_MIN_LENGTH} ký tự`)
    .max(200, 'Từ khóa tìm kiếm dài tối đa 200 ký tự'),
  /** Results per kind (the header asks for 5, the results page for more). */
  limit: z.coerce
    .number('Số kết quả mỗi nhóm phải là số nguyên')
    .int('Số kết quả mỗi nhóm phải là số nguyên')
    .min(1, 'Số kết quả mỗi nhóm phải từ 1 trở lên')
    .max(SEARCH_MAX_LIMIT, `Số kết quả mỗi nhóm tối đa là ${SEARCH_MAX_LIMIT}`)
    .default(5),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  id: z.number().int(),
  /** What the result is: a plan's number and title, a task's ordinal and content, a report's period and agency. */
  title: z.string(),
  /** Where it belongs: the plan of a task or report, the state of a report, an agency's kind. */
  detail: z.string().nullable(),
  /** The client page that opens it (shared/domain/app-links.ts). */
  link: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchGroupSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  label: z.string(),
  /**
   * How many of this kind match in all (the items are the first `limit`); when `totalCapped`, more
   * than this many (SEARCH_COUNT_CAP): shown as "hơn 100".
   */
  total: z.number().int(),
  totalCapped: z.boolean(),
  items: z.array(searchHitSchema),
});
export type SearchGroup = z.infer<typeof searchGroupSchema>;

/** A group's count as people read it: "12", or "hơn 100" when the count stopped at the cap. */
export const searchTotalText = (g: Pick<SearchGroup, 'total' | 'totalCapped'>) =>
  g.totalCapped ? `hơn ${g.total}` : String(g.total);

export const searchResponseSchema = z.object({
  q: z.string(),
  /** Always the four kinds the caller may read, in the order of SEARCH_KINDS; empty groups included. */
  groups: z.array(searchGroupSchema),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
