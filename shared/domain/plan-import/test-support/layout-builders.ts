/*
 * Builds plan texts whose task table is broken the way real sources break tables: Markdown tables,
 * tables shattered into small pipe tables, one cell per line with cells wrapped at column width and
 * rows cut by gazette page heads, and space-laid-out columns (pdftotext -layout). Test support only.
 */

export interface Row {
  ordinal: string;
  /** Group rows ("I", "II", "II.1") carry only a heading. */
  group?: boolean;
  content: string;
  lead?: string;
  coordinators?: string;
  product?: string;
  deadline?: string;
  extra?: string[];
}

export const HEADER_LABELS = [
  'TT',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Sản phẩm',
  'Thời hạn hoàn thành',
];

export const ROWS: Row[] = [
  { ordinal: 'I', group: true, content: 'Nhóm nhiệm vụ về cơ chế, chính sách' },
  {
    ordinal: '1',
    content: 'Xây dựng đề án phát triển công nghiệp hỗ trợ trên địa bàn tỉnh giai đoạn 2025-2030',
    lead: 'Sở Công Thương',
    coordinators: 'Sở Tài chính, Sở Xây dựng, UBND các huyện',
    product: 'Đề án trình UBND tỉnh',
    deadline: 'Quý II/2025',
  },
  {
    ordinal: '2',
    content: 'Rà soát, điều chỉnh quy hoạch các cụm công nghiệp phù hợp với quy hoạch tỉnh',
    lead: 'Sở Xây dựng',
    coordinators: 'Sở Công Thương, UBND các huyện, thị xã',
    product: 'Báo cáo rà soát',
    deadline: 'Thường xuyên',
  },
  { ordinal: 'II', group: true, content: 'Nhóm nhiệm vụ về nguồn lực' },
  {
    ordinal: '1',
    content: 'Bố trí vốn đầu tư xây dựng hạ tầng kỹ thuật các cụm công nghiệp',
    lead: 'Sở Tài chính',
    coordinators: 'Sở Công Thương',
    product: 'Quyết định giao vốn',
    deadline: 'Hằng năm',
  },
  {
    ordinal: '2',
    content: 'Đào tạo nguồn nhân lực cho các doanh nghiệp công nghiệp hỗ trợ',
    lead: 'Sở Nội vụ',
    coordinators: 'Các trường cao đẳng, Hiệp hội doanh nghiệp tỉnh',
    product: 'Các lớp đào tạo',
    deadline: '2025-2030',
  },
];

export function plan(table: string, head = defaultHead()): string {
  return `${head}
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Triển khai hiệu quả các nhiệm vụ phát triển công nghiệp hỗ trợ của tỉnh.
II. MỤC TIÊU
- Đến năm 2030, tổ chức 05 lớp đào tạo nghề; xây dựng 8-10 mô hình điểm; có 10-12 xã, phường đạt chuẩn.
III. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương: Chủ trì theo dõi, đôn đốc thực hiện Kế hoạch; định kỳ trước ngày 05/12 hằng năm tổng hợp, báo cáo UBND tỉnh.
2. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 35/KH-UBND ngày 12/3/2025 của UBND tỉnh)
${table}
`;
}

export function defaultHead(): string {
  return `ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 35/KH-UBND
Bắc Ninh, ngày 12 tháng 3 năm 2025
KẾ HOẠCH
Phát triển công nghiệp hỗ trợ giai đoạn 2025-2030
Căn cứ Nghị quyết số 12/NQ-HĐND ngày 10/12/2024 của HĐND tỉnh;`;
}

function cells(row: Row): string[] {
  if (row.group) return [row.ordinal, row.content, '', '', '', ''];
  return [
    row.ordinal,
    row.content,
    row.lead ?? '',
    row.coordinators ?? '',
    row.product ?? '',
    row.deadline ?? '',
  ];
}

export function markdownTable(rows: readonly Row[] = ROWS, labels = HEADER_LABELS): string {
  const line = (c: readonly string[]) => `| ${c.join(' | ')} |`;
  return [line(labels), line(labels.map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}

/** Word-wraps text at `width` characters, as a PDF column does. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') out.push(current);
  return out;
}

export const WIDTHS = [4, 42, 16, 18, 16, 9];

/**
 * A gazette page copied as text: one cell after another, each wrapped at its column's width, the
 * header repeated and a running head "CÔNG BÁO/Số …/Ngày …" with a page number at each page break.
 */
export function gazetteTable(rows: readonly Row[] = ROWS, breakInsideRow = 4): string {
  const headerLines = [
    'TT',
    'Nội dung nhiệm vụ',
    'Cơ quan',
    'chủ trì',
    'Cơ quan',
    'phối hợp',
    'Sản phẩm',
    'Thời hạn',
    'hoàn thành',
  ];
  const pageHead = ['', 'CÔNG BÁO/Số 12/Ngày 05-01-2026', '37', '', ...headerLines];
  const out: string[] = [...headerLines];
  rows.forEach((row, index) => {
    if (row.group) {
      out.push(`${row.ordinal}. ${row.content}`);
      return;
    }
    const parts = cells(row).map((cell, c) => (c === 0 ? [`${cell}.`] : wrap(cell, WIDTHS[c] ?? 16)));
    if (index === breakInsideRow) {
      // The page ends inside the row: every column's first line, then the page head, then the rest.
      for (const part of parts) out.push(...part.slice(0, 1));
      out.push(...pageHead);
      for (const part of parts) out.push(...part.slice(1));
    } else for (const part of parts) out.push(...part);
  });
  return out.join('\n');
}

/** `pdftotext -layout`: columns at fixed places, the lines of all cells of a row interleaved. */
export function layoutTable(rows: readonly Row[] = ROWS): string {
  const starts = [0];
  for (const w of WIDTHS.slice(0, -1)) starts.push((starts[starts.length - 1] ?? 0) + w + 3);
  const render = (columns: readonly string[][]) => {
    const height = Math.max(...columns.map((c) => c.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      let line = '';
      columns.forEach((column, c) => {
        const text = column[k] ?? '';
        if (text === '') return;
        line = line.padEnd(starts[c] ?? 0, ' ') + text;
      });
      lines.push(line);
    }
    return lines;
  };
  const out = render([
    ['STT'],
    ['Nội dung nhiệm vụ'],
    ['Cơ quan', 'chủ trì'],
    ['Cơ quan', 'phối hợp'],
    ['Sản phẩm'],
    ['Thời hạn', 'hoàn thành'],
  ]);
  for (const row of rows) {
    if (row.group) {
      out.push(`${row.ordinal}. ${row.content}`);
      continue;
    }
    out.push(...render(cells(row).map((cell, c) => wrap(c === 0 ? `${cell}.` : cell, WIDTHS[c] ?? 16))));
  }
  return out.join('\n');
}
