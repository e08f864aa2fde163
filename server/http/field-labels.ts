import { ENTRY_FIELDS, REPORT_FIELDS, saveKeyOf } from '../../shared/contracts/report-fields';

/** The report fields' names (shared/contracts/report-fields.ts), by request key; the list below wins. */
const REPORT_FIELD_NAMES = Object.fromEntries(
  [...REPORT_FIELDS, ...ENTRY_FIELDS].map((f) => [saveKeyOf(f), f.label]),
);

/**
 * Vietnamese names of request fields, so an error says "Tiêu đề" rather than "title". A path into a
 * nested body ("draft.tasks.3.content") is named by its last known field plus the path, so the
 * officer can find the row.
 */
const FIELD_LABELS: Record<string, string> = {
  ...REPORT_FIELD_NAMES,
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  fullName: 'Họ và tên',
  email: 'Thư điện tử',
  role: 'Vai trò',
  organisationId: 'Cơ quan',
  code: 'Mã',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  aliases: 'Tên gọi khác',
  kind: 'Loại',
  parentId: 'Cơ quan cấp trên',
  successorId: 'Cơ quan kế thừa',
  validFrom: 'Ngày bắt đầu hiệu lực',
  validTo: 'Ngày hết hiệu lực',
  on: 'Ngày',
  q: 'Từ khóa tìm kiếm',
  id: 'Mã định danh',
  page: 'Số trang',
  pageSize: 'Số dòng mỗi trang',
  version: 'Phiên bản',
  draft: 'Bản nháp',
  number: 'Số văn bản',
  issuer: 'Cơ quan ban hành',
  place: 'Địa danh',
  issuedOn: 'Ngày ban hành',
  title: 'Tiêu đề',
  basis: 'Căn cứ',
  sections: 'Các phần nội dung',
  heading: 'Tiêu đề mục',
  paragraphs: 'Đoạn văn',
  children: 'Mục con',
  ordinal: 'Số thứ tự',
  targets: 'Mục tiêu',
  duties: 'Nhiệm vụ của cơ quan',
  tasks: 'Nhiệm vụ',
  content: 'Nội dung',
  lead: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  product: 'Sản phẩm',
  deadline: 'Thời hạn',
  text: 'Nội dung',
  summary: 'Tóm tắt',
  result: 'Kết quả thực hiện',
  difficulties: 'Khó khăn, vướng mắc',
  proposals: 'Kiến nghị',
  reason: 'Lý do',
  dueOn: 'Hạn nộp',
  dataClosingOn: 'Ngày chốt số liệu',
  completedOn: 'Ngày hoàn thành',
  productDate: 'Ngày sản phẩm',
  dispatchDate: 'Ngày công văn',
  dispatchNumber: 'Số công văn',
  year: 'Năm',
  value: 'Giá trị',
  source: 'Nguồn số liệu',
  note: 'Ghi chú',
  filename: 'Tên tệp',
  // Ranges: the calendar's dates (GET /api/calendar) and the versions compared.
  from: 'Từ',
  to: 'Đến',
  limit: 'Số kết quả mỗi nhóm',
};

export function fieldLabel(path: string): string {
  const segments = path.split('.').filter((s) => s !== '');
  if (segments.length === 0) return path;
  const only = segments.length === 1 ? FIELD_LABELS[segments[0] ?? ''] : undefined;
  if (only) return only;
  for (let i = segments.length - 1; i >= 0; i--) {
    const label = FIELD_LABELS[segments[i] ?? ''];
    if (label) return `${label} (${shortPath(path)})`;
  }
  return shortPath(path);
}

/** A path 5,000 levels deep is useless in a message: keep its start and end. */
function shortPath(path: string): string {
  return path.length <= 120 ? path : `${path.slice(0, 60)}…${path.slice(-50)}`;
}
