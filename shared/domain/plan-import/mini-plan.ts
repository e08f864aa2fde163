/**
 * Builders of small plans in the published text layout, for tests and the benchmark. Kept apart from
 * the tests so the variants read as "the standard plan, except …".
 */

export const MINI_HEADER = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH BẮC NINH',
  '-------',
  '|',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  '---------------',
  '|',
  'Số: 25/KH-UBND',
  '|',
  'Bắc Ninh, ngày 05 tháng 3 năm 2024',
  '|',
  'KẾ HOẠCH',
  'TRIỂN KHAI CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ',
  'TỈNH BẮC NINH NĂM 2024',
  'Căn cứ Quyết định số 12/QĐ-UBND ngày 10/01/2024 của UBND tỉnh về chuyển đổi số;',
  'Theo đề nghị của Sở Thông tin và Truyền thông, UBND tỉnh ban hành Kế hoạch như sau:',
].join('\n');

export const MINI_BODY = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  '- Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước, doanh',
  'nghiệp và người dân.',
  'II. MỤC TIÊU',
  '- Đến năm 2025:',
  '+ Tỷ lệ hồ sơ trực tuyến đạt trên 80%;',
  '+ Kinh tế số chiếm khoảng 20% GRDP của tỉnh.',
  '- Giai đoạn 2024-2025: Doanh thu công nghệ thông tin bình quân tăng 15%/năm.',
  'III. TỔ CHỨC THỰC HIỆN',
  '1. Sở Thông tin',
  'và Truyền thông:',
  '- Chủ trì triển khai Kế hoạch.',
  '2. Sở Tài chính: Bố trí kinh phí thực hiện.',
  '3. Chế độ báo cáo:',
  'Các cơ quan báo cáo định kỳ trước ngày 20/11 hằng năm gửi Sở Thông tin và Truyền thông tổng hợp;',
  'năm 2024 sơ kết, năm 2025 tổng kết.',
  'Nơi nhận:',
  '- Như trên;',
  '- Lưu: VT.',
  '|',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
].join('\n');

export interface MiniRow {
  ordinal: string;
  content: string;
  lead: string;
  coordinators: string;
  product: string;
  deadline: string;
}

export const MINI_ROWS: readonly MiniRow[] = [
  {
    ordinal: '1',
    content: 'Xây dựng nền tảng\ndữ liệu dùng chung',
    lead: 'Sở Thông tin\nvà Truyền thông',
    coordinators: 'Sở Tài chính; Sở Kế hoạch và Đầu tư',
    product: 'Nền tảng',
    deadline: 'Quý II/2024',
  },
  {
    ordinal: '2',
    content: 'Đào tạo kỹ năng số cho cán bộ',
    lead: 'Sở Nội vụ',
    coordinators: 'Các sở, ban, ngành, UBND các huyện, thị xã, thành phố',
    product: 'Lớp tập huấn',
    deadline: 'Hằng\nnăm',
  },
  {
    ordinal: '3',
    content: 'Tổng kết chương trình',
    lead: 'Sở Thông tin và Truyền thông',
    coordinators: 'các đơn vị liên quan',
    product: 'Báo cáo',
    deadline: 'Trước 30/6/2025',
  },
];

export type MiniColumn = keyof MiniRow;

const LABELS: Record<MiniColumn, string> = {
  ordinal: 'STT',
  content: 'Nội dung\nnhiệm vụ',
  lead: 'Cơ quan\nchủ trì',
  coordinators: 'Cơ quan phối hợp',
  product: 'Sản phẩm',
  deadline: 'Thời gian\nhoàn thành',
};

export const MINI_COLUMNS: readonly MiniColumn[] = [
  'ordinal',
  'content',
  'lead',
  'coordinators',
  'product',
  'deadline',
];

/** The appendix table: a title, then header and row cells separated by "|" lines. */
export function miniTable(
  rows: readonly MiniRow[] = MINI_ROWS,
  columns: readonly (MiniColumn | { label: string; value: string })[] = MINI_COLUMNS,
): string {
  const header = columns.map((c) => (typeof c === 'string' ? LABELS[c] : c.label));
  const cells = rows.flatMap((row) => columns.map((c) => (typeof c === 'string' ? row[c] : c.value)));
  return ['|', 'PHỤ LỤC', 'DANH MỤC NHIỆM VỤ', [...header, ...cells].join('\n|\n')].join('\n');
}

export function miniPlan(parts: { header?: string; body?: string; table?: string } = {}): string {
  return [parts.header ?? MINI_HEADER, parts.body ?? MINI_BODY, parts.table ?? miniTable()]
    .filter((p) => p !== '')
    .join('\n');
}

/** A body whose first section nests `levels` numbered headings ("1.", "1.1.", "1.1.1." …), one below the other. */
export function deepSectionsBody(levels: number): string {
  const lines = ['I. MỤC ĐÍCH, YÊU CẦU'];
  for (let level = 1; level <= levels; level++) {
    lines.push(
      `${Array.from({ length: level }, () => '1').join('.')}. Mục cấp ${level}`,
      'Nội dung của mục.',
    );
  }
  return [...lines, 'Nơi nhận:', '- Lưu: VT.'].join('\n');
}
