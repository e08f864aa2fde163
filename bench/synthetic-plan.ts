// A plan of any size, made from the sample's header and body with a generated task table.

export const DEADLINES = [
  '2021-2025',
  'Hằng\nnăm',
  '2022',
  'Quý II/2023',
  'Tháng 6/2024',
  'Trước 30/6/2022',
  'Thường xuyên',
];

export const LEADS = [
  'Sở\nCông Thương',
  'Sở Kế\nhoạch và Đầu tư',
  'Sở\nTài nguyên và Môi trường',
  'Ban\nQuản lý các KCN tỉnh',
];

/** The sample's header and body, with its 21-row table replaced by `rows` generated rows. */
export function syntheticPlan(sample: string, rows: number): string {
  const tableStart = sample.indexOf('\n1\n|\n');
  const head = sample.slice(0, tableStart);
  const body: string[] = [];
  for (let i = 1; i <= rows; i++) {
    body.push(
      String(i),
      `Triển khai nhiệm vụ số ${i} về phát triển công\nnghiệp hỗ trợ trên địa bàn tỉnh giai đoạn 2021-2025`,
      LEADS[i % LEADS.length] ?? '',
      'Các\nsở, ban, ngành, UBND các huyện, thị xã, thành phố',
      'Đề\nán',
      DEADLINES[i % DEADLINES.length] ?? '',
    );
  }
  return `${head}\n${body.join('\n|\n')}`;
}
