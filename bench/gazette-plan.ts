import { gazetteTable, plan, type Row } from '../shared/domain/plan-import/test-support/layout-builders';

/*
 * A plan whose task table is in the gazette layout (one cell per line, cells wrapped at column width,
 * running heads and repeated headers at page breaks, rows cut by pages): the slowest layout to read,
 * since every row's cell edges are rebuilt.
 */

const VERBS = [
  'Xây dựng',
  'Rà soát, sửa đổi',
  'Tổ chức triển khai',
  'Hướng dẫn thực hiện',
  'Kiểm tra, đánh giá',
];
const OBJECTS = [
  'đề án phát triển nguồn nhân lực chất lượng cao trong lĩnh vực công nghiệp chế biến, chế tạo',
  'cơ chế hỗ trợ doanh nghiệp nhỏ và vừa tham gia chuỗi cung ứng của các tập đoàn đa quốc gia',
  'quy định về quản lý, sử dụng kinh phí chi thường xuyên cho hoạt động khuyến công',
  'kế hoạch chuyển đổi số trong quản lý nhà nước về công thương trên địa bàn',
];
const LEADS = ['Sở Công Thương', 'Sở Tài chính', 'Sở Nội vụ, UBND cấp huyện', 'Sở Khoa học và Công nghệ'];
const COORDINATORS = [
  'Sở Tài chính, các sở, ban, ngành, UBND các huyện, thị xã',
  'Các cơ quan, đơn vị có liên quan',
  'Sở Xây dựng, Sở Nông nghiệp và Môi trường',
];
const PRODUCTS = ['Quyết định của UBND tỉnh', 'Báo cáo kết quả thực hiện', 'Đề án được phê duyệt'];
const DEADLINES = ['Quý II/2026', 'Thường xuyên', 'Hằng năm', 'Tháng 9/2026', 'Quý III, IV/2027'];

export function gazettePlan(tasks: number): string {
  const rows: Row[] = [];
  const groups = 6;
  const perGroup = Math.ceil(tasks / groups);
  let made = 0;
  for (let g = 0; g < groups && made < tasks; g++) {
    rows.push({
      ordinal: ['I', 'II', 'III', 'IV', 'V', 'VI'][g] ?? 'I',
      group: true,
      content: `Nhóm nhiệm vụ số ${g + 1}`,
    });
    for (let k = 0; k < perGroup && made < tasks; k++, made++) {
      rows.push({
        ordinal: String(made + 1),
        content: `${VERBS[made % VERBS.length]} ${OBJECTS[made % OBJECTS.length]} (nhiệm vụ ${made + 1})`,
        lead: LEADS[made % LEADS.length],
        coordinators: COORDINATORS[made % COORDINATORS.length],
        product: PRODUCTS[made % PRODUCTS.length],
        deadline: DEADLINES[made % DEADLINES.length],
      });
    }
  }
  // Numbering runs on across groups, as in the gazette; a page break cuts every seventh row.
  const table = rows
    .reduce<Row[][]>((pages, row, i) => {
      if (i % 7 === 0) pages.push([]);
      pages[pages.length - 1]?.push(row);
      return pages;
    }, [])
    .map((page, p) => {
      const text = gazetteTable(
        page,
        page.findIndex((r) => !r.group),
      );
      // Only the first page carries the column header; later pages start with the running head.
      return p === 0 ? text : text.split('\n').slice(9).join('\n');
    })
    .join('\n');
  return plan(table);
}
