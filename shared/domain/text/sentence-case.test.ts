import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable, sentenceCaseTitle } from './sentence-case';

describe('sentenceCaseTitle', () => {
  it('rewrites a title published in capitals, keeping codes, dates, abbreviations and names', () => {
    expect(
      sentenceCaseTitle(
        'Kế hoạch THỰC HIỆN NGHỊ QUYẾT SỐ 07-NQ/TU NGÀY 15/6/2021 CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XIX VỀ CHƯƠNG TRÌNH PHÁT TRIỂN CÔNG NGHIỆP, TIỂU THỦ CÔNG NGHIỆP TỈNH HƯNG YÊN GIAI ĐOẠN 2021-2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030',
      ),
    ).toBe(
      'Kế hoạch thực hiện Nghị quyết số 07-NQ/TU ngày 15/6/2021 của Ban Chấp hành Đảng bộ tỉnh khóa XIX về chương trình phát triển công nghiệp, tiểu thủ công nghiệp tỉnh Hưng Yên giai đoạn 2021-2025, định hướng đến năm 2030',
    );
  });

  it('keeps UBND and HĐND, and the place after thành phố or huyện', () => {
    expect(
      sentenceCaseTitle('KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI CỦA UBND THÀNH PHỐ HẢI PHÒNG NĂM 2026'),
    ).toBe('Kế hoạch phát triển kinh tế - xã hội của UBND thành phố Hải Phòng năm 2026');
    expect(sentenceCaseTitle('KẾ HOẠCH TRIỂN KHAI NGHỊ QUYẾT CỦA HĐND HUYỆN VĂN LÂM VỀ CHUYỂN ĐỔI SỐ')).toBe(
      'Kế hoạch triển khai nghị quyết của HĐND huyện Văn Lâm về chuyển đổi số',
    );
  });

  it('capitalises national bodies and a numbered document, and nothing else', () => {
    expect(
      sentenceCaseTitle(
        'KẾ HOẠCH TRIỂN KHAI NGHỊ ĐỊNH SỐ 180/2026/NĐ-CP CỦA CHÍNH PHỦ VỀ DỊCH VỤ HẤP THỤ CÁC-BON CỦA RỪNG',
      ),
    ).toBe(
      'Kế hoạch triển khai Nghị định số 180/2026/NĐ-CP của Chính phủ về dịch vụ hấp thụ các-bon của rừng',
    );
  });

  it('puts back the capitals of names known from data', () => {
    expect(sentenceCaseTitle('KẾ HOẠCH CỦA SỞ TÀI CHÍNH VỀ QUẢN LÝ NGÂN SÁCH', ['Sở Tài chính'])).toBe(
      'Kế hoạch của Sở Tài chính về quản lý ngân sách',
    );
  });

  it('leaves a title already in sentence case as written, first letter made a capital', () => {
    const t =
      'Ban hành Kế hoạch hành động thực hiện Chỉ thị số 52-CT/TW ngày 03 tháng 10 năm 2025 của Ban Bí thư';
    expect(sentenceCaseTitle(t)).toBe(t);
    expect(sentenceCaseTitle('thực hiện Đề án 06 của tỉnh Bắc Ninh')).toBe(
      'Thực hiện Đề án 06 của tỉnh Bắc Ninh',
    );
  });

  it('keeps Roman numerals and abbreviations that no Vietnamese syllable spells', () => {
    expect(['UBND', 'CN', 'TTCN', 'XIX', 'II', 'IV', 'KT'].filter(isVietnameseSyllable)).toEqual([]);
    expect(['NGHIÊNG', 'KHUYẾN', 'QUYẾT', 'ĐƯỜNG', 'GIAI', 'TRƯỞNG', 'A'].every(isVietnameseSyllable)).toBe(
      true,
    );
  });
});
