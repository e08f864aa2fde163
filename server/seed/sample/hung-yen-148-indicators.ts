import type { ValueStatus } from '../../../shared/contracts/indicators';

/**
 * Public figures for the indicators of Plan 148/KH-UBND (Hưng Yên), loaded with the demo. Each says
 * where it was published. Nothing here is invented: where no reliable yearly figure is known (new
 * industrial parks by year of opening) no value is stored, and the definition says why.
 */
export interface SampleIndicator {
  /** The indicator's name as created from the plan's targets (matched without case or diacritics). */
  name: string;
  definition: string;
  /** Registry code of the agency that owns the figures, when not the plan's consolidator. */
  ownerCode?: string;
  values: { year: number; value: number; status: ValueStatus; source: string; note?: string }[];
}

const STATISTICS = 'Cục Thống kê tỉnh Hưng Yên — số liệu công bố về tình hình kinh tế - xã hội';

export const SAMPLE_PLAN_148_INDICATORS: readonly SampleIndicator[] = [
  {
    name: 'Chỉ số sản xuất công nghiệp',
    definition:
      'Chỉ số sản xuất công nghiệp (IIP) của tỉnh: tốc độ tăng so với năm trước, tính theo giá so sánh (%).',
    values: [
      { year: 2021, value: 8.82, status: 'official', source: `${STATISTICS} năm 2021` },
      { year: 2022, value: 10.5, status: 'preliminary', source: `${STATISTICS} năm 2022` },
      {
        year: 2023,
        value: 6.35,
        status: 'estimate',
        source: `${STATISTICS} năm 2023 (ước tính)`,
        note: 'Số ước tính "khoảng 6,35%"; cần cập nhật khi có số liệu chính thức.',
      },
    ],
  },
  {
    name: 'Kim ngạch xuất khẩu',
    definition:
      'Tổng trị giá hàng hóa xuất khẩu của các doanh nghiệp trên địa bàn tỉnh trong năm (tỷ USD, giá thực tế). ' +
      'Kim ngạch 6 tháng đầu năm 2025 đạt khoảng 4,2 tỷ USD: đây là số liệu nửa năm nên không ghi thành số liệu năm 2025.',
    values: [{ year: 2022, value: 6.3, status: 'preliminary', source: `${STATISTICS} năm 2022` }],
  },
  {
    name: 'Tỷ trọng công nghiệp, xây dựng',
    definition:
      'Tỷ trọng của khu vực công nghiệp và xây dựng trong tổng sản phẩm trên địa bàn tỉnh (GRDP), giá hiện hành (%).',
    // GRDP structure is compiled for the province's socio-economic plan, now by Sở Tài chính
    // (which took over Sở Kế hoạch và Đầu tư in 2025); the demo reporter account belongs to it.
    ownerCode: 'STC',
    values: [
      { year: 2020, value: 61.32, status: 'official', source: `${STATISTICS} năm 2020 (cơ cấu GRDP)` },
      { year: 2021, value: 63.67, status: 'official', source: `${STATISTICS} năm 2021 (cơ cấu GRDP)` },
      { year: 2022, value: 63.91, status: 'preliminary', source: `${STATISTICS} năm 2022 (cơ cấu GRDP)` },
      {
        year: 2023,
        value: 61.7,
        status: 'estimate',
        source: `${STATISTICS} năm 2023 (cơ cấu GRDP, ước tính)`,
      },
    ],
  },
  {
    name: 'Khu công nghiệp đưa vào hoạt động',
    definition:
      'Số khu công nghiệp mới đưa vào hoạt động trong năm (KCN); chỉ tiêu cộng dồn cả giai đoạn. ' +
      'Theo danh sách của Ban Quản lý các KCN tỉnh, các KCN đang hoạt động: Phố Nối A, Dệt may Phố Nối, ' +
      'Thăng Long II, Minh Đức, Minh Quang, Yên Mỹ, Yên Mỹ II, Sạch, Số 5; đang xây dựng: Số 3, Kim Động. ' +
      'Chưa xác định được năm đưa vào hoạt động của từng KCN nên chưa ghi số liệu.',
    values: [],
  },
];
