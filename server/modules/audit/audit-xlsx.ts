import ExcelJS from 'exceljs';
import type { AuditEntry } from '../../../shared/contracts/audit';
import { changesText } from '../../../shared/domain/audit/describe';
import { localDate, localTime } from '../../../shared/domain/reporting/local-date';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';

export const AUDIT_SHEET = 'Nhật ký thay đổi';

/** The filter as a line above nothing: kept in the workbook's properties, the sheet stays a plain table. */
export interface AuditExportInfo {
  filterText: string;
  exportedAt: Date;
}

/**
 * The audit log for an inspector: one row per entry, Vietnamese headings, Vietnam's date and time,
 * the header frozen and filterable, widths that fit the text.
 */
export async function writeAuditWorkbook(
  entries: readonly AuditEntry[],
  info: AuditExportInfo,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'planwatch';
  workbook.title = 'Nhật ký thay đổi';
  workbook.subject = info.filterText;
  workbook.created = info.exportedAt;
  const sheet = workbook.addWorksheet(AUDIT_SHEET);
  sheet.columns = [
    { header: 'STT', key: 'no', width: 7 },
    { header: 'Ngày', key: 'date', width: 12 },
    { header: 'Giờ', key: 'time', width: 8 },
    { header: 'Người thực hiện', key: 'actor', width: 26 },
    { header: 'Hành động', key: 'action', width: 28 },
    { header: 'Nội dung', key: 'text', width: 70 },
    { header: 'Thay đổi, thông tin kèm theo', key: 'changes', width: 60 },
  ];
  entries.forEach((e, i) => {
    sheet.addRow({
      no: i + 1,
      date: formatDateVi(localDate(e.at)),
      time: localTime(e.at),
      actor: e.actorName ?? 'Hệ thống',
      action: e.actionLabel,
      text: e.text,
      changes: changesText(e.changes),
    });
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
  for (const key of ['text', 'changes', 'actor', 'action']) {
    sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
