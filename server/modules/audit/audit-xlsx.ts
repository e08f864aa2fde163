import ExcelJS from 'exceljs';
import type { AuditEntry } from '../../../shared/contracts/audit';
import { changesText } from '../../../shared/domain/audit/describe';
import { localDate, localTime } from '../../../shared/domain/reporting/local-date';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';

export const AUDIT_SHEET = 'Nhật ký thay đổi';

/** What the inspector is told about the export itself, on a second sheet: who, when, which filter. */
export interface AuditExportInfo {
  exportedAt: Date;
  exportedBy: string;
  /** The filter in Vietnamese, one [label, value] per line ("Từ ngày", "01/11/2026"). */
  filter: [string, string][];
}

export const AUDIT_INFO_SHEET = 'Thông tin xuất';

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

  const about = workbook.addWorksheet(AUDIT_INFO_SHEET);
  about.columns = [
    { header: 'Thông tin', key: 'label', width: 24 },
    { header: 'Giá trị', key: 'value', width: 60 },
  ];
  about.addRow({
    label: 'Thời điểm xuất',
    value: `${formatDateVi(localDate(info.exportedAt))} ${localTime(info.exportedAt)}`,
  });
  about.addRow({ label: 'Người xuất', value: info.exportedBy });
  for (const [label, value] of info.filter) about.addRow({ label, value });
  about.addRow({ label: 'Số mục', value: entries.length });
  about.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
