/**
 * The Vietnamese name of each report field, one set for every screen and document: the server's version
 * comparison (shared/domain/reporting/diff-snapshots.ts) and the client's form and "not saved" panel.
 */
export const REPORT_FIELD_LABELS = {
  summary: 'Tóm tắt kết quả',
  difficulties: 'Khó khăn, vướng mắc chung',
  proposals: 'Kiến nghị, đề xuất chung',
  dispatchNumber: 'Số công văn',
  dispatchDate: 'Ngày công văn',
} as const;

export const ENTRY_FIELD_LABELS = {
  role: 'Vai trò',
  progress: 'Tình hình thực hiện',
  completedOn: 'Ngày hoàn thành',
  result: 'Kết quả thực hiện',
  productNumber: 'Số văn bản sản phẩm',
  productDate: 'Ngày văn bản sản phẩm',
  productSummary: 'Trích yếu sản phẩm',
  attachment: 'Tệp sản phẩm',
  difficulties: 'Khó khăn, vướng mắc',
  proposals: 'Kiến nghị, đề xuất',
} as const;
