import { VALUE_KIND_LABELS, VALUE_STATUS_LABELS } from '../../contracts/indicators';
import { ROLE_LABELS } from '../auth/roles';
import { ORGANISATION_KIND_LABELS } from '../organisations/kinds';
import { formatDateVi } from '../task-status/calendar';

/**
 * The audit log in Vietnamese for the people who read it (an administrator, an inspector): what was
 * done, to what, by name, and which fields changed with their Vietnamese labels, instead of
 * `report.accepted`, `report #14` and raw JSON. Pure: the server looks up the names and passes them in.
 */

/**
 * Each action: `label` names it alone (the filter's options, the export), `verb` is put before the
 * object's name ("Tiếp nhận" + "báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025").
 */
export const AUDIT_ACTIONS: Record<string, { label: string; verb: string }> = {
  'auth.login': { label: 'Đăng nhập', verb: 'Đăng nhập' },
  'auth.logout': { label: 'Đăng xuất', verb: 'Đăng xuất' },
  'user.created': { label: 'Thêm người dùng', verb: 'Thêm' },
  'user.updated': { label: 'Sửa thông tin người dùng', verb: 'Sửa thông tin' },
  'user.password_changed': { label: 'Đổi mật khẩu', verb: 'Đổi mật khẩu của' },
  'user.password_reset': { label: 'Đặt lại mật khẩu', verb: 'Đặt lại mật khẩu của' },
  'organisation.created': { label: 'Thêm cơ quan', verb: 'Thêm' },
  'organisation.updated': { label: 'Sửa thông tin cơ quan', verb: 'Sửa thông tin' },
  'organisation.communes_loaded': {
    label: 'Nạp danh sách đơn vị hành chính cấp xã',
    verb: 'Nạp danh sách đơn vị hành chính cấp xã vào',
  },
  'reorganisation.created': { label: 'Lập phương án sắp xếp tổ chức', verb: 'Lập phương án' },
  'reorganisation.applied': { label: 'Áp dụng sắp xếp tổ chức', verb: 'Áp dụng' },
  'reorganisation.undone': { label: 'Hoàn tác sắp xếp tổ chức', verb: 'Hoàn tác' },
  'reorganisation.discarded': { label: 'Hủy phương án sắp xếp tổ chức', verb: 'Hủy' },
  'plan.created': { label: 'Tạo kế hoạch', verb: 'Tạo' },
  'plan.published': { label: 'Công khai kế hoạch', verb: 'Công khai' },
  'plan.unpublished': { label: 'Gỡ công khai kế hoạch', verb: 'Gỡ công khai' },
  'plan.revised': { label: 'Sửa kế hoạch đã ban hành', verb: 'Sửa' },
  'plan.amendment_read': {
    label: 'Tải lên văn bản điều chỉnh kế hoạch',
    verb: 'Tải lên văn bản điều chỉnh cho',
  },
  'plan.amended': { label: 'Áp dụng văn bản điều chỉnh kế hoạch', verb: 'Áp dụng văn bản điều chỉnh cho' },
  'plan.amendment_reverted': {
    label: 'Hoàn tác văn bản điều chỉnh kế hoạch',
    verb: 'Hoàn tác văn bản điều chỉnh của',
  },
  'plan.end_undone': {
    label: 'Hoàn tác bãi bỏ / thay thế kế hoạch',
    verb: 'Hoàn tác bãi bỏ / thay thế',
  },
  'plan_import.created': { label: 'Tải lên văn bản kế hoạch', verb: 'Tải lên' },
  'plan_import.edited': { label: 'Chỉnh sửa bản nhập kế hoạch', verb: 'Chỉnh sửa' },
  'plan_import.discarded': { label: 'Hủy bản nhập kế hoạch', verb: 'Hủy' },
  'indicators.created_from_targets': { label: 'Tạo chỉ số từ chỉ tiêu', verb: 'Tạo chỉ số từ chỉ tiêu của' },
  'indicator.updated': { label: 'Sửa chỉ số', verb: 'Sửa' },
  'indicator_value.created': { label: 'Nhập số liệu chỉ số', verb: 'Nhập số liệu cho' },
  'indicator_value.accepted': { label: 'Tiếp nhận số liệu chỉ số', verb: 'Tiếp nhận số liệu của' },
  'indicator_value.rejected': {
    label: 'Không tiếp nhận số liệu chỉ số',
    verb: 'Không tiếp nhận số liệu của',
  },
  'indicator_values.imported': { label: 'Nhập số liệu từ tệp Excel', verb: 'Nhập số liệu từ tệp Excel cho' },
  'indicator_values.sample_loaded': { label: 'Nạp số liệu minh họa', verb: 'Nạp số liệu minh họa cho' },
  'reporting_period.opened': { label: 'Mở kỳ báo cáo', verb: 'Mở' },
  'reporting_period.refreshed': { label: 'Cập nhật báo cáo của kỳ', verb: 'Cập nhật danh sách báo cáo của' },
  'reporting_period.extended': { label: 'Gia hạn kỳ báo cáo', verb: 'Gia hạn' },
  'reporting_period.closed': { label: 'Đóng kỳ báo cáo', verb: 'Đóng' },
  'reporting_period.reopened': { label: 'Mở lại kỳ báo cáo', verb: 'Mở lại' },
  'report.saved': { label: 'Lưu báo cáo', verb: 'Lưu' },
  'report.submitted': { label: 'Gửi báo cáo', verb: 'Gửi' },
  'report.accepted': { label: 'Tiếp nhận báo cáo', verb: 'Tiếp nhận' },
  'report.returned': { label: 'Trả lại báo cáo', verb: 'Trả lại' },
  'report.entry_accepted': {
    label: 'Chấp nhận kết quả một nhiệm vụ trong báo cáo',
    verb: 'Chấp nhận kết quả một nhiệm vụ trong',
  },
  'report.entry_returned': {
    label: 'Trả lại kết quả một nhiệm vụ trong báo cáo',
    verb: 'Trả lại kết quả một nhiệm vụ trong',
  },
  'report.entry_resubmitted': {
    label: 'Gửi lại kết quả một nhiệm vụ bị trả lại',
    verb: 'Gửi lại kết quả một nhiệm vụ trong',
  },
  'task_request.created': { label: 'Gửi đề nghị gia hạn, chuyển chủ trì nhiệm vụ', verb: 'Gửi đề nghị về' },
  'task_request.approved': { label: 'Chấp thuận đề nghị về nhiệm vụ', verb: 'Chấp thuận đề nghị về' },
  'task_request.refused': {
    label: 'Không chấp thuận đề nghị về nhiệm vụ',
    verb: 'Không chấp thuận đề nghị về',
  },
  'report.attachment_uploaded': { label: 'Đính kèm tệp vào báo cáo', verb: 'Đính kèm tệp vào' },
  'report.signed_scan_uploaded': {
    label: 'Tải lên bản scan báo cáo đã ký',
    verb: 'Tải lên bản scan đã ký của',
  },
  'directive.created': { label: 'Ghi ý kiến chỉ đạo', verb: 'Ghi ý kiến chỉ đạo về' },
  'consolidated_narrative.saved': {
    label: 'Sửa nội dung báo cáo tổng hợp',
    verb: 'Sửa nội dung báo cáo tổng hợp của',
  },
  'consolidated_narrative.reset': {
    label: 'Khôi phục dự thảo báo cáo tổng hợp',
    verb: 'Khôi phục dự thảo báo cáo tổng hợp của',
  },
  'generation_job.started': { label: 'Lập tài liệu từ dữ liệu', verb: 'Lập tài liệu cho' },
  deny: { label: 'Bị từ chối truy cập', verb: 'Bị từ chối truy cập' },
};

/** The kinds of object in the log, for the filter and when an object no longer exists. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: 'Người dùng',
  organisation: 'Cơ quan',
  plan: 'Kế hoạch',
  plan_import: 'Bản nhập kế hoạch',
  reporting_period: 'Kỳ báo cáo',
  report: 'Báo cáo',
  indicator: 'Chỉ số',
  task: 'Nhiệm vụ',
  generation_job: 'Việc lập tài liệu',
  reorganisation: 'Sắp xếp tổ chức',
};

/** Field names in details and before/after records, in Vietnamese. Others (hashes, ids) are not shown. */
const FIELD_LABELS: Record<string, string> = {
  username: 'Tên đăng nhập',
  fullName: 'Họ tên',
  email: 'Thư điện tử',
  role: 'Vai trò',
  organisationId: 'Cơ quan',
  active: 'Đang hoạt động',
  code: 'Mã',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  kind: 'Loại',
  parentId: 'Cơ quan cấp trên',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  successorId: 'Cơ quan kế thừa',
  aliases: 'Tên gọi khác',
  unit: 'Đơn vị tính',
  definition: 'Định nghĩa',
  valueKind: 'Loại giá trị',
  ownerOrgId: 'Cơ quan phụ trách',
  year: 'Năm',
  value: 'Giá trị',
  status: 'Trạng thái số liệu',
  accepted: 'Được tiếp nhận ngay',
  note: 'Ghi chú',
  reason: 'Lý do',
  from: 'Hạn cũ',
  to: 'Hạn mới',
  dueOn: 'Hạn nộp',
  dataClosingOn: 'Ngày chốt số liệu',
  versionNo: 'Lần gửi',
  version: 'Phiên bản',
  late: 'Nộp muộn',
  filename: 'Tệp',
  size: 'Dung lượng (byte)',
  tasks: 'Số nhiệm vụ',
  targets: 'Số chỉ tiêu',
  rows: 'Số dòng',
  created: 'Số dòng mới',
  reportsCreated: 'Số báo cáo mới',
  entriesCreated: 'Số dòng nhiệm vụ mới',
  fields: 'Mục đã sửa',
  section: 'Phần báo cáo',
  request: 'Đề nghị',
  requestedBy: 'Cơ quan đề nghị',
  task: 'Nhiệm vụ',
  comment: 'Nhận xét',
  acceptedEntries: 'Số nhiệm vụ được chấp nhận',
};

/** Fields whose value is an organisation id: shown by the organisation's name. */
const ORGANISATION_FIELDS = new Set(['organisationId', 'parentId', 'successorId', 'ownerOrgId']);
const FIGURE_FIELDS = new Set(['value', 'size']);
const DATE_FIELDS = new Set(['validFrom', 'validTo', 'from', 'to', 'dueOn', 'dataClosingOn']);

/** Report field keys written by `report.saved`, in Vietnamese (from the report form's labels). */
export type FieldNames = Record<string, string>;

export interface AuditChange {
  label: string;
  before: string | null;
  after: string | null;
}

export interface AuditDescription {
  /** "Tiếp nhận báo cáo" — the action alone (the filter's option). */
  actionLabel: string;
  /** "báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025" — the object by name. */
  object: string;
  /** The sentence: "Tiếp nhận báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025". */
  text: string;
  /** Changed fields (before → after) or the facts recorded with the action (after only). */
  changes: AuditChange[];
}

export interface AuditLike {
  action: string;
  entity: string;
  entityId: string | null;
  detail: unknown;
}

export interface AuditNames {
  /** The object's name as a phrase ("báo cáo của Sở Tài chính, kỳ …"), when it could be found. */
  object: string | null;
  /** Organisation names by id, for fields that hold an organisation id. */
  organisations: ReadonlyMap<number, string>;
  /** Report and entry field labels by key (for the list of fields a save touched). */
  fieldNames?: FieldNames;
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action]?.label ?? 'Thao tác khác';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function showValue(field: string, value: unknown, names: AuditNames): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (ORGANISATION_FIELDS.has(field) && typeof value === 'number') {
    return names.organisations.get(value) ?? `cơ quan không còn trong danh mục (mã ${value})`;
  }
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDateVi(value);
  if (field === 'role' && typeof value === 'string')
    return ROLE_LABELS[value as keyof typeof ROLE_LABELS] ?? value;
  if (field === 'kind' && typeof value === 'string') {
    return ORGANISATION_KIND_LABELS[value as keyof typeof ORGANISATION_KIND_LABELS] ?? value;
  }
  if (field === 'valueKind' && typeof value === 'string') {
    return VALUE_KIND_LABELS[value as keyof typeof VALUE_KIND_LABELS] ?? value;
  }
  if (field === 'status' && typeof value === 'string') {
    return VALUE_STATUS_LABELS[value as keyof typeof VALUE_STATUS_LABELS] ?? value;
  }
  if (field === 'fields' && Array.isArray(value)) {
    return value.map((k) => names.fieldNames?.[String(k)] ?? String(k)).join(', ') || null;
  }
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join(', ');
  // Figures with Vietnamese separators (7,25; 12.500); years and counters as written (2024, not 2.024).
  if (typeof value === 'number')
    return FIGURE_FIELDS.has(field) ? value.toLocaleString('vi-VN') : String(value);
  if (typeof value === 'string') return value;
  return null;
}

/** Before/after pairs of the fields that differ, labelled; fields without a label are left out. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, names: AuditNames) {
  const out: AuditChange[] = [];
  for (const [field, label] of Object.entries(FIELD_LABELS)) {
    if (!(field in after)) continue;
    const a = showValue(field, before[field], names);
    const b = showValue(field, after[field], names);
    if (a !== b) out.push({ label, before: a, after: b });
  }
  return out;
}

/** The facts recorded with an action (a reason, a new due date), labelled, in the table's order. */
function recordedFacts(detail: Record<string, unknown>, names: AuditNames): AuditChange[] {
  const out: AuditChange[] = [];
  for (const [field, label] of Object.entries(FIELD_LABELS)) {
    const v = showValue(field, detail[field], names);
    if (v !== null) out.push({ label, before: null, after: v });
  }
  return out;
}

export function describeAudit(entry: AuditLike, names: AuditNames): AuditDescription {
  const actionLabel = auditActionLabel(entry.action);
  const verb = AUDIT_ACTIONS[entry.action]?.verb ?? actionLabel;
  const kind = AUDIT_ENTITY_LABELS[entry.entity] ?? 'Đối tượng';
  const object =
    names.object ??
    (entry.entityId === null ? '' : `${kind.toLocaleLowerCase('vi')} đã bị xóa (mã ${entry.entityId})`);
  const detail = isRecord(entry.detail) ? entry.detail : {};
  let changes: AuditChange[];
  if (isRecord(detail.before) && (isRecord(detail.after) || isRecord(detail.changes))) {
    changes = changedFields(
      detail.before,
      (detail.after ?? detail.changes) as Record<string, unknown>,
      names,
    );
  } else {
    changes = recordedFacts(detail, names);
  }
  // Logins and logouts are about the person who acted: the object repeats the actor's name.
  const text = entry.action.startsWith('auth.') || object === '' ? verb : `${verb} ${object}`;
  return { actionLabel, object, text, changes };
}

/** Changes on one line each: "Vai trò: Cán bộ báo cáo → Cán bộ tổng hợp", "Lý do: …". */
export function changesText(changes: readonly AuditChange[]): string {
  return changes
    .map((c) =>
      c.before === null
        ? `${c.label}: ${c.after ?? '(trống)'}`
        : `${c.label}: ${c.before} → ${c.after ?? '(trống)'}`,
    )
    .join('\n');
}
