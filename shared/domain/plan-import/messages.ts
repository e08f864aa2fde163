import type { PlanParseError, PlanWarning } from '../../contracts/plan-draft';

/*
 * Every message a user can read from the importer, in one place, in Vietnamese. Codes are stable
 * (the UI may switch on them); the wording may change.
 */

export function warning(code: string, message: string, line: number | null = null): PlanWarning {
  return { code, message, line };
}

export function failure(code: string, message: string, line: number | null = null): PlanParseError {
  return { code, message, line };
}

export const FAILURES = {
  empty: () => failure('empty', 'Tệp trống: không có nội dung kế hoạch để đọc.'),
  encoding: (line: number) =>
    failure(
      'encoding',
      `Tệp không phải mã UTF-8 (ký tự bị lỗi mã hóa ở dòng ${line}). Hãy lưu lại tệp với mã UTF-8 rồi tải lên lại.`,
      line,
    ),
  binary: (line: number) =>
    failure(
      'encoding',
      `Tệp không phải mã UTF-8 hoặc không phải tệp văn bản (ký tự lạ ở dòng ${line}).`,
      line,
    ),
  notAPlan: () =>
    failure(
      'not_a_plan',
      'Văn bản không phải là kế hoạch: không tìm thấy tên loại “KẾ HOẠCH”, “CHƯƠNG TRÌNH”, “CHỈ THỊ”, quyết định hay nghị quyết ban hành kế hoạch, hoặc số hiệu dạng “…/KH-…”, “…-CTr/…”.',
    ),
  internal: (detail: string) =>
    failure(
      'internal',
      `Lỗi không mong muốn khi đọc kế hoạch (${detail}). Vui lòng báo cho quản trị hệ thống.`,
    ),
  notDocx: () => failure('not_docx', 'Tệp không phải tài liệu Word .docx hợp lệ (không mở được tệp nén).'),
  docxWithoutDocument: () =>
    failure('docx_no_document', 'Tệp .docx không có phần nội dung văn bản (thiếu word/document.xml).'),
  docxUnreadable: () =>
    failure(
      'docx_unreadable',
      'Tệp .docx bị hỏng: không giải nén được phần nội dung văn bản (word/document.xml).',
    ),
  docxTooLarge: () =>
    failure(
      'docx_too_large',
      'Tệp .docx có phần nội dung văn bản khi giải nén lớn hơn 3 MB (nghi là tệp nén độc hại); hệ thống không đọc tệp này.',
    ),
  docxTooManyParts: () =>
    failure(
      'docx_too_many_parts',
      'Tệp .docx chứa quá nhiều thành phần (hơn 2.000 tệp bên trong); hãy mở bằng Word, lưu lại thành .docx mới rồi tải lên.',
    ),
  docxTooDeep: () =>
    failure(
      'docx_too_deep',
      'Nội dung tệp .docx lồng nhau quá sâu (hơn 256 cấp), không phải văn bản Word thông thường; hệ thống không đọc tệp này.',
    ),
  docxTooComplex: () =>
    failure(
      'docx_too_complex',
      'Nội dung tệp .docx có hơn 300.000 thành phần XML, vượt xa một kế hoạch (khoảng 600 trang); hãy tách văn bản hoặc lưu lại bằng Word rồi tải lên.',
    ),
  docxMalformed: (line: number | null) =>
    failure(
      'docx_malformed',
      `Tệp .docx bị hỏng: nội dung văn bản (word/document.xml) không phải XML hợp lệ${line === null ? '' : ` ở dòng ${line} của phần đó`}. Hãy mở bằng Word, lưu lại rồi tải lên.`,
    ),
};

export const WARNINGS = {
  missingNumber: () => warning('missing_number', 'Không tìm thấy số hiệu văn bản (dòng “Số: …/KH-…”).'),
  missingIssuer: () => warning('missing_issuer', 'Không tìm thấy cơ quan ban hành ở đầu văn bản.'),
  missingDate: () =>
    warning(
      'missing_date',
      'Không tìm thấy ngày ban hành (dạng “…, ngày … tháng … năm …”) hoặc ngày không hợp lệ.',
    ),
  missingPlace: () =>
    warning('missing_place', 'Không tìm thấy địa danh ban hành (trước “, ngày … tháng …”).'),
  missingTitle: () => warning('missing_title', 'Không tìm thấy tên loại và trích yếu “KẾ HOẠCH …”.'),
  titleCut: (line: number) =>
    warning(
      'title_uncertain',
      `Trích yếu dưới tên loại văn bản (dòng ${line}) dài hơn 6 dòng và không có dấu kết thúc; đã cắt ở dòng thứ 6, cần kiểm tra lại tên kế hoạch.`,
      line,
    ),
  missingSections: () =>
    warning(
      'missing_sections',
      'Không tìm thấy các mục đánh số La Mã (I, II, III, …) của nội dung kế hoạch.',
    ),
  missingTargets: (line: number | null) =>
    warning('missing_targets', 'Không tìm thấy chỉ tiêu định lượng trong phần mục tiêu.', line),
  missingDuties: () =>
    warning('missing_duties', 'Không tìm thấy phần phân công nhiệm vụ của các cơ quan (TỔ CHỨC THỰC HIỆN).'),
  missingRegime: () =>
    warning('missing_regime', 'Không tìm thấy chế độ báo cáo (thời hạn, cơ quan tổng hợp).'),
  missingTaskTable: () => warning('missing_task_table', 'Không tìm thấy bảng danh mục nhiệm vụ.'),
  emptyTaskTable: (line: number) =>
    warning('empty_task_table', `Bảng danh mục nhiệm vụ (dòng ${line}) không có dòng nhiệm vụ nào.`, line),
  missingColumn: (label: string, line: number) =>
    warning('missing_column', `Bảng nhiệm vụ không có cột “${label}”; các ô tương ứng để trống.`, line),
  extraColumn: (label: string, line: number) =>
    warning(
      'extra_column',
      `Cột “${label}” của bảng nhiệm vụ không thuộc các cột đã biết; nội dung được giữ làm thông tin thêm của từng nhiệm vụ.`,
      line,
    ),
  truncatedRow: (ordinal: string, missing: number, line: number) =>
    warning(
      'truncated_table',
      `Bảng nhiệm vụ bị cắt ngang: dòng nhiệm vụ “${ordinal}” thiếu ${missing} ô ở cuối; kiểm tra lại văn bản gốc.`,
      line,
    ),
  misalignedRow: (text: string, line: number) =>
    warning(
      'table_row_misaligned',
      `Dòng bảng bắt đầu ở dòng ${line} không có số thứ tự hợp lệ (“${text}”); các cột có thể bị lệch.`,
      line,
    ),
  incompleteRow: (ordinal: string, line: number) =>
    warning(
      'table_row_incomplete',
      `Dòng nhiệm vụ “${ordinal}” (dòng ${line}) thiếu nội dung hoặc cơ quan chủ trì; kiểm tra lại văn bản gốc.`,
      line,
    ),
  guessedRows: (count: number, line: number) =>
    warning(
      'table_cells_guessed',
      `Bảng nhiệm vụ (dòng ${line}) không đánh dấu ranh giới ô: ranh giới ô của ${count} dòng nhiệm vụ được đoán từ bố cục, cần đối chiếu với văn bản gốc (các dòng được đánh dấu trong bảng).`,
      line,
    ),
  unusedLines: (count: number, line: number) =>
    warning(
      'unused_lines',
      `Có ${count} dòng của văn bản không được đọc vào kế hoạch (đầu tiên ở dòng ${line}); xem danh sách ở phần “Dòng chưa dùng” để không bỏ sót nội dung.`,
      line,
    ),
  unknownDeadline: (ordinal: string, text: string, line: number) =>
    warning('unknown_deadline', `Không hiểu thời hạn “${text}” của nhiệm vụ ${ordinal}; cần nhập tay.`, line),
};
