/** Words the generated dataset is made of: agency names, plan themes, task phrases. No real province. */

export const DEPARTMENTS = [
  'Công Thương',
  'Kế hoạch và Đầu tư',
  'Tài chính',
  'Tài nguyên và Môi trường',
  'Nông nghiệp và Phát triển nông thôn',
  'Xây dựng',
  'Giao thông vận tải',
  'Giáo dục và Đào tạo',
  'Y tế',
  'Lao động - Thương binh và Xã hội',
  'Văn hóa, Thể thao và Du lịch',
  'Khoa học và Công nghệ',
  'Thông tin và Truyền thông',
  'Tư pháp',
  'Nội vụ',
  'Ngoại vụ',
  'Dân tộc',
  'Thanh tra',
];

export const BOARDS = [
  'Quản lý các khu công nghiệp',
  'Quản lý dự án đầu tư xây dựng',
  'Dân tộc',
  'Xúc tiến đầu tư',
];

export const PLACES = [
  'An Bình',
  'Tân Phú',
  'Hòa Lạc',
  'Phú Thịnh',
  'Đông Hưng',
  'Minh Khai',
  'Quang Trung',
  'Thạch Bàn',
  'Vĩnh Lộc',
  'Hưng Đạo',
  'Nghĩa Trụ',
  'Cẩm Xá',
];

export const UNIONS = [
  'Hội Liên hiệp Phụ nữ',
  'Tỉnh đoàn',
  'Hội Nông dân',
  'Liên đoàn Lao động',
  'Hội Cựu chiến binh',
  'Hiệp hội Doanh nghiệp',
];

export const PRESS = ['Báo', 'Đài Phát thanh và Truyền hình', 'Tạp chí'];

export const THEMES = [
  'phát triển công nghiệp hỗ trợ',
  'chuyển đổi số',
  'cải cách hành chính',
  'xây dựng nông thôn mới',
  'phát triển du lịch',
  'bảo vệ môi trường',
  'phát triển kinh tế tư nhân',
  'phòng, chống thiên tai',
  'đào tạo nguồn nhân lực',
  'phát triển đô thị',
  'thu hút đầu tư',
  'an toàn thực phẩm',
];

export const VERBS = [
  'Triển khai',
  'Xây dựng',
  'Rà soát',
  'Tổ chức',
  'Hoàn thiện',
  'Đẩy mạnh',
  'Kiểm tra',
  'Tuyên truyền',
];

export const OBJECTS = [
  'cơ chế, chính sách hỗ trợ doanh nghiệp',
  'hệ thống cơ sở dữ liệu chuyên ngành',
  'quy hoạch chi tiết các khu, cụm công nghiệp',
  'chương trình đào tạo, bồi dưỡng cán bộ',
  'hạ tầng kỹ thuật dùng chung',
  'các thủ tục hành chính liên quan',
  'mô hình thí điểm tại cơ sở',
  'công tác thanh tra, kiểm tra việc thực hiện',
];

export const PRODUCTS = [
  'Kế hoạch',
  'Báo cáo',
  'Đề án',
  'Quyết định của UBND tỉnh',
  'Tờ trình',
  'Hội nghị',
  'Văn bản hướng dẫn',
];

/** Deadline cells as plans write them; the generator parses them with the importer's own reader. */
export function deadlineTexts(firstYear: number, lastYear: number): string[] {
  const out = ['Thường xuyên', 'Hằng năm', `${firstYear}-${lastYear}`, `Giai đoạn ${firstYear}-${lastYear}`];
  for (let y = firstYear; y <= lastYear; y++)
    out.push(String(y), `Quý II/${y}`, `Trước 30/6/${y}`, `Tháng 10/${y}`);
  return out;
}

export const RESULTS = [
  'Đã ban hành văn bản triển khai, tổ chức hội nghị quán triệt đến các đơn vị trực thuộc.',
  'Đang phối hợp với các cơ quan liên quan hoàn thiện dự thảo, dự kiến trình trong quý tới.',
  'Đã hoàn thành, sản phẩm được gửi kèm báo cáo; kết quả vượt chỉ tiêu đề ra.',
  'Chưa triển khai do chưa bố trí được kinh phí; đề nghị UBND tỉnh xem xét bổ sung.',
  'Đã tổ chức kiểm tra tại 12 cơ sở, kiến nghị khắc phục các tồn tại phát hiện.',
];

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
