import { describe, expect, it } from 'vitest';
import { planLabel, shortPlanTitle } from './short-title';

describe('shortPlanTitle', () => {
  it('keeps the subject of a heading written in capitals', () => {
    expect(
      shortPlanTitle(
        'Kế hoạch THỰC HIỆN NGHỊ QUYẾT SỐ 07-NQ/TU NGÀY 15/6/2021 CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XIX VỀ CHƯƠNG TRÌNH PHÁT TRIỂN CÔNG NGHIỆP, TIỂU THỦ CÔNG NGHIỆP TỈNH HƯNG YÊN GIAI ĐOẠN 2021-2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030',
      ),
    ).toBe('Chương trình phát triển công nghiệp, tiểu thủ công nghiệp…');
  });

  it('drops "Ban hành Kế hoạch triển khai thực hiện" and what the decree is about', () => {
    expect(
      shortPlanTitle(
        'Ban hành Kế hoạch triển khai thực hiện Nghị định số 180/2026/NĐ-CP ngày 21 tháng 5 năm 2026 của Chính phủ quy định về dịch vụ hấp thụ và lưu giữ các-bon của rừng',
      ),
    ).toBe('Dịch vụ hấp thụ và lưu giữ các-bon của rừng');
  });

  it('cuts the place and time span', () => {
    expect(
      shortPlanTitle('Kế hoạch phát triển công nghiệp hỗ trợ trên địa bàn tỉnh giai đoạn 2021-2025'),
    ).toBe('Phát triển công nghiệp hỗ trợ');
  });

  it('leaves a short title as it is', () => {
    expect(shortPlanTitle('Kế hoạch thử nghiệm 3')).toBe('Thử nghiệm 3');
  });
});

describe('planLabel', () => {
  it('puts the number first', () => {
    expect(
      planLabel({
        number: '148/KH-UBND',
        title: 'Kế hoạch phát triển công nghiệp hỗ trợ giai đoạn 2021-2025',
      }),
    ).toBe('148/KH-UBND · Phát triển công nghiệp hỗ trợ');
    expect(planLabel({ number: null, title: 'Kế hoạch chuyển đổi số năm 2026' })).toBe('Chuyển đổi số');
  });
});
