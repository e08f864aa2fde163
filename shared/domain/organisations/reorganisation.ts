/**
 * A reorganisation of the registry as one recorded event (issue 14): departments merged, one split,
 * renamed or abolished, two provinces made one, or a level of government replaced (the districts on
 * 1/7/2025, their work passing to the communes). Pure rules: kinds, what each kind needs, dates.
 */

export const REORGANISATION_KINDS = [
  'merge',
  'split',
  'rename',
  'abolish',
  'province_merge',
  'level_replace',
] as const;
export type ReorganisationKind = (typeof REORGANISATION_KINDS)[number];

export const REORGANISATION_KIND_LABELS: Record<ReorganisationKind, string> = {
  merge: 'Hợp nhất, sáp nhập',
  split: 'Chia tách',
  rename: 'Đổi tên',
  abolish: 'Giải thể',
  province_merge: 'Hợp nhất tỉnh',
  level_replace: 'Bỏ cấp hành chính (cấp huyện → cấp xã)',
};

export const REORGANISATION_STATES = ['previewed', 'applied', 'undone'] as const;
export type ReorganisationState = (typeof REORGANISATION_STATES)[number];

export const REORGANISATION_STATE_LABELS: Record<ReorganisationState, string> = {
  previewed: 'Chưa áp dụng',
  applied: 'Đã áp dụng',
  undone: 'Đã hoàn tác',
};

/**
 * How a row was changed: `update` one column, `insert`/`delete` a whole row, `handover` work that passes
 * through the registry's succession with no row changed (a task named for the old agency, which report
 * generation and the task list send to its successor from the effective date), recorded all the same;
 * `note` what stays (a report already sent) or needs a hand (users of an agency with no successor).
 */
export type ReorganisationMoveOp = 'update' | 'insert' | 'delete' | 'handover' | 'note';

/** What a preview line or recorded move is about, in the order the preview groups them. */
export const MOVE_SUBJECTS = [
  'organisation',
  'task',
  'report',
  'entry',
  'indicator',
  'plan',
  'user',
  'group',
  'kept',
  'warning',
] as const;
export type MoveSubject = (typeof MOVE_SUBJECTS)[number];

export const MOVE_SUBJECT_LABELS: Record<MoveSubject, string> = {
  organisation: 'Cơ quan trong danh mục',
  task: 'Nhiệm vụ (chủ trì, phối hợp)',
  report: 'Báo cáo đang mở',
  entry: 'Nội dung báo cáo đang soạn',
  indicator: 'Chỉ số và số liệu chờ tiếp nhận',
  plan: 'Kế hoạch do cơ quan chủ trì tổng hợp',
  user: 'Người dùng',
  group: 'Nhóm cơ quan',
  kept: 'Giữ lại ở cơ quan cũ (lịch sử)',
  warning: 'Cần xử lý',
};

/** The day before an ISO date: the last day of an agency that ends when the event takes effect. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** How many agencies end and how many successors each kind takes; a message for the first broken rule. */
export function shapeProblem(
  kind: ReorganisationKind,
  sources: number,
  successors: number,
  newAgencies: number,
): { field: 'sources' | 'successors'; message: string } | null {
  switch (kind) {
    case 'merge':
      if (sources < 1) return { field: 'sources', message: 'Hợp nhất cần ít nhất một cơ quan bị hợp nhất.' };
      if (successors !== 1)
        return { field: 'successors', message: 'Hợp nhất cần đúng một cơ quan tiếp nhận.' };
      if (sources < 2 && newAgencies > 0)
        return {
          field: 'sources',
          message: 'Hợp nhất thành cơ quan mới cần ít nhất hai cơ quan; một cơ quan mang tên mới là đổi tên.',
        };
      return null;
    case 'split':
      if (sources !== 1) return { field: 'sources', message: 'Chia tách chỉ áp dụng cho một cơ quan.' };
      if (successors < 2)
        return { field: 'successors', message: 'Chia tách cần ít nhất hai cơ quan tiếp nhận.' };
      return null;
    case 'rename':
      if (sources !== 1) return { field: 'sources', message: 'Đổi tên chỉ áp dụng cho một cơ quan.' };
      if (successors !== 1 || newAgencies !== 1)
        return { field: 'successors', message: 'Đổi tên cần đúng một cơ quan mới mang tên mới.' };
      return null;
    case 'abolish':
      if (sources !== 1) return { field: 'sources', message: 'Giải thể chỉ áp dụng cho một cơ quan.' };
      return null;
    case 'province_merge':
    case 'level_replace':
      return null;
  }
}
