import type { TargetKind } from '../../contracts/plan-draft';
import { formatDateVi } from '../task-status/calendar';

/**
 * How a plan revision is told in Vietnamese (issue 13): the name of each changed field, each value as
 * the plan page shows it (dates dd/mm/yyyy, agencies joined), and the sentence heading the revision.
 * The server stores the fields' raw values (JSON); this is the one reading of them, used by the history
 * on the plan and task pages.
 */
export const REVISION_FIELD_LABELS: Record<string, string> = {
  number: 'Số, ký hiệu',
  title: 'Trích yếu',
  issuer: 'Cơ quan ban hành',
  place: 'Địa danh',
  issuedOn: 'Ngày ban hành',
  ordinal: 'Số thứ tự',
  group: 'Nhóm nhiệm vụ',
  content: 'Nội dung',
  product: 'Sản phẩm',
  deadline: 'Thời hạn hoàn thành',
  leads: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  removedOn: 'Hết hiệu lực từ ngày',
  text: 'Nội dung chỉ tiêu',
  subject: 'Chỉ tiêu (tên ngắn)',
  kind: 'Loại chỉ tiêu',
  min: 'Từ mức',
  max: 'Đến mức',
  unit: 'Đơn vị',
  fromYear: 'Từ năm',
  toYear: 'Đến năm',
  approximate: 'Văn bản ghi “khoảng”',
  name: 'Tên nhóm',
  endKind: 'Hình thức',
  endedOn: 'Hết hiệu lực từ ngày',
  replacedBy: 'Kế hoạch thay thế',
  continuedTasks: 'Nhiệm vụ chuyển sang kế hoạch thay thế',
  continuesFrom: 'Tiếp nối nhiệm vụ',
  returnedTo: 'Trả về kế hoạch',
};

const DATE_FIELDS = new Set(['issuedOn', 'removedOn', 'endedOn']);
const END_KINDS_VI: Record<string, string> = { annulled: 'Bãi bỏ', replaced: 'Thay thế bằng kế hoạch khác' };

const TARGET_KINDS_VI: Record<TargetKind, string> = {
  average_growth: 'Tăng bình quân/năm',
  level: 'Mức đạt trong năm',
  share: 'Tỷ trọng',
  count: 'Số lượng',
  percentage: 'Tỷ lệ',
};

/** A stored value as text; null or empty shows as null (the history writes "(trống)"). */
export function showRevisionValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join('; ');
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number')
    return field === 'fromYear' || field === 'toYear' ? String(value) : value.toLocaleString('vi-VN');
  const text = String(value);
  if (DATE_FIELDS.has(field)) return formatDateVi(text);
  if (field === 'endKind' && text in END_KINDS_VI) return END_KINDS_VI[text]!;
  if (field === 'kind' && text in TARGET_KINDS_VI) return TARGET_KINDS_VI[text as TargetKind];
  return text;
}

/** The changed fields, in the order of the labels table, each with its label and both values as text. */
export function describeRevisionChanges(before: Record<string, unknown>, after: Record<string, unknown>) {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(
    (a, b) => order(a) - order(b),
  );
  return fields.map((field) => ({
    field,
    label: REVISION_FIELD_LABELS[field] ?? field,
    before: showRevisionValue(field, before[field]),
    after: showRevisionValue(field, after[field]),
  }));
}

const FIELD_ORDER = Object.keys(REVISION_FIELD_LABELS);
const order = (field: string) => {
  const i = FIELD_ORDER.indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
};

const SUBJECT_VI = {
  plan: 'thông tin chung của kế hoạch',
  target: 'chỉ tiêu',
  group: 'nhóm nhiệm vụ',
  task: 'nhiệm vụ',
};
const ACTION_VI = { add: 'Thêm', update: 'Sửa', remove: 'Bãi bỏ' };

/** "Sửa nhiệm vụ 5", "Thêm chỉ tiêu", "Bãi bỏ nhiệm vụ 7 từ ngày 01/01/2027", "Đổi tên nhóm nhiệm vụ". */
export function revisionTitle(r: {
  subject: keyof typeof SUBJECT_VI;
  action: keyof typeof ACTION_VI;
  label: string;
  before?: Record<string, unknown>;
  after: Record<string, unknown>;
}): string {
  // The undo of a plan's end (plans/plan-end-undo.ts), and a task taken over given back by it.
  if (r.subject === 'plan' && typeof r.before?.endedOn === 'string' && r.after.endedOn === null)
    return typeof r.before.replacedBy === 'string'
      ? `Hoàn tác thay thế kế hoạch bằng ${r.before.replacedBy}`
      : 'Hoàn tác bãi bỏ kế hoạch';
  if (r.subject === 'task' && typeof r.after.returnedTo === 'string')
    return `Trả nhiệm vụ ${r.label} về ${r.after.returnedTo}`;
  if (r.subject === 'plan' && r.action === 'remove') {
    const from = typeof r.after.endedOn === 'string' ? ` từ ngày ${formatDateVi(r.after.endedOn)}` : '';
    return typeof r.after.replacedBy === 'string'
      ? `Thay thế kế hoạch bằng ${r.after.replacedBy}${from}`
      : `Bãi bỏ kế hoạch${from}`;
  }
  if (r.subject === 'plan') return 'Sửa thông tin chung của kế hoạch';
  if (r.subject === 'group') return `Đổi tên nhóm nhiệm vụ “${r.label}”`;
  const what = r.subject === 'task' ? `nhiệm vụ ${r.label}` : `chỉ tiêu “${r.label}”`;
  const from =
    r.action === 'remove' && typeof r.after.removedOn === 'string'
      ? ` từ ngày ${formatDateVi(r.after.removedOn)}`
      : '';
  return `${ACTION_VI[r.action]} ${what}${from}`;
}
