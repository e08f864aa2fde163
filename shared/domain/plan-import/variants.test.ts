import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanDraft, PlanParseResult } from '../../contracts/plan-draft';
import { MINI_BODY, MINI_COLUMNS, MINI_HEADER, MINI_ROWS, miniPlan, miniTable } from './mini-plan';
import { parsePlanText } from './parse-text';

const SAMPLE = readFileSync(
  new URL('../../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url),
  'utf8',
);

function draftOf(text: string): PlanDraft {
  const result = parsePlanText(text);
  if (!result.ok) throw new Error(`expected a draft, got ${result.error.code}: ${result.error.message}`);
  return result.draft;
}

function errorOf(text: string): Extract<PlanParseResult, { ok: false }>['error'] {
  const result = parsePlanText(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const codes = (draft: PlanDraft) => draft.warnings.map((w) => w.code);

describe('the standard small plan', () => {
  const draft = draftOf(miniPlan());

  it('is read completely without warnings', () => {
    expect(draft.warnings).toEqual([]);
    expect(draft).toMatchObject({
      number: '25/KH-UBND',
      issuer: 'UBND tỉnh Bắc Ninh',
      place: 'Bắc Ninh',
      issuedOn: '2024-03-05',
      title: 'Kế hoạch TRIỂN KHAI CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ TỈNH BẮC NINH NĂM 2024',
      basis: ['Căn cứ Quyết định số 12/QĐ-UBND ngày 10/01/2024 của UBND tỉnh về chuyển đổi số'],
    });
    expect(draft.tasks.map((t) => t.deadline.kind)).toEqual(['quarter', 'recurring', 'date']);
    expect(draft.tasks[0]).toMatchObject({
      content: 'Xây dựng nền tảng dữ liệu dùng chung',
      lead: 'Sở Thông tin và Truyền thông',
      coordinators: ['Sở Tài chính', 'Sở Kế hoạch và Đầu tư'],
    });
  });

  it('reads bounds, sharing and periods of targets', () => {
    expect(draft.targets).toEqual([
      expect.objectContaining({
        kind: 'percentage',
        min: 80,
        max: null,
        toYear: 2025,
        subject: 'Tỷ lệ hồ sơ trực tuyến',
      }),
      expect.objectContaining({ kind: 'share', min: 20, max: 20, approximate: true, subject: 'Kinh tế số' }),
      expect.objectContaining({
        kind: 'average_growth',
        min: 15,
        unit: '%/năm',
        fromYear: 2024,
        toYear: 2025,
      }),
    ]);
  });

  it('splits a duty written on its heading line and reads the regime', () => {
    expect(draft.duties).toEqual([
      {
        ordinal: '1',
        agencyText: 'Sở Thông tin và Truyền thông',
        paragraphs: ['- Chủ trì triển khai Kế hoạch.'],
      },
      { ordinal: '2', agencyText: 'Sở Tài chính', paragraphs: ['Bố trí kinh phí thực hiện.'] },
    ]);
    expect(draft.regime).toMatchObject({
      consolidator: 'Sở Thông tin và Truyền thông',
      annualDueDay: 20,
      annualDueMonth: 11,
      midTermYear: 2024,
      finalYear: 2025,
    });
  });
});

describe('task table layouts', () => {
  it('ignores an extra column, with a warning for an unknown one', () => {
    const table = miniTable(MINI_ROWS, [
      ...MINI_COLUMNS,
      { label: 'Kinh phí\n(triệu đồng)', value: '500' },
      { label: 'Ghi chú', value: '' },
    ]);
    const draft = draftOf(miniPlan({ table }));
    expect(draft.tasks).toHaveLength(3);
    expect(draft.tasks[2]).toMatchObject({
      ordinal: '3',
      lead: 'Sở Thông tin và Truyền thông',
      product: 'Báo cáo',
    });
    expect(codes(draft)).toEqual(['extra_column']);
    expect(draft.warnings[0]?.message).toContain('Kinh phí (triệu đồng)');
  });

  it('reads columns in another order', () => {
    const table = miniTable(MINI_ROWS, ['ordinal', 'content', 'deadline', 'coordinators', 'lead', 'product']);
    const draft = draftOf(miniPlan({ table }));
    expect(draft.tasks[1]).toMatchObject({
      lead: 'Sở Nội vụ',
      product: 'Lớp tập huấn',
      deadline: { kind: 'recurring' },
      coordinators: ['Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố'],
    });
    expect(draft.warnings).toEqual([]);
  });

  it('leaves a missing "Sản phẩm" column empty and says so', () => {
    const table = miniTable(MINI_ROWS, ['ordinal', 'content', 'lead', 'coordinators', 'deadline']);
    const draft = draftOf(miniPlan({ table }));
    expect(draft.tasks).toHaveLength(3);
    expect(draft.tasks.every((t) => t.product === null)).toBe(true);
    expect(draft.tasks[0]?.deadline.kind).toBe('quarter');
    expect(draft.warnings).toEqual([expect.objectContaining({ code: 'missing_column' })]);
    expect(draft.warnings[0]?.message).toContain('Sản phẩm');
  });

  it('numbers rows itself when there is no "TT" column', () => {
    const table = miniTable(MINI_ROWS, ['content', 'lead', 'coordinators', 'product', 'deadline']);
    const draft = draftOf(miniPlan({ table }));
    expect(draft.tasks.map((t) => t.ordinal)).toEqual(['1', '2', '3']);
    expect(draft.tasks[2]?.content).toBe('Tổng kết chương trình');
    expect(codes(draft)).toEqual(['missing_column']);
  });

  it('keeps group heading rows as the group of the tasks below them', () => {
    const row = (r: (typeof MINI_ROWS)[number]) =>
      [r.ordinal, r.content, r.lead, r.coordinators, r.product, r.deadline].join('\n|\n');
    const [r1, r2, r3] = MINI_ROWS;
    if (!r1 || !r2 || !r3) throw new Error('fixture');
    const table = [
      '|',
      'TT\n|\nNội dung\n|\nCơ quan chủ trì\n|\nCơ quan phối hợp\n|\nSản phẩm\n|\nThời hạn',
      // A full-width group row: ordinal, heading, four empty cells.
      'I\n|\nHẠ TẦNG SỐ\n|\n|\n|\n|',
      row(r1),
      // A merged group row: one cell.
      'II. NHÂN LỰC SỐ',
      row(r2),
      row(r3),
    ].join('\n|\n');
    const draft = draftOf(miniPlan({ table }));
    expect(draft.tasks.map((t) => [t.ordinal, t.group])).toEqual([
      ['1', 'I. HẠ TẦNG SỐ'],
      ['2', 'II. NHÂN LỰC SỐ'],
      ['3', 'II. NHÂN LỰC SỐ'],
    ]);
    expect(draft.warnings).toEqual([]);
  });

  it('warns about deadlines it cannot read', () => {
    const rows = MINI_ROWS.map((r, i) => (i === 0 ? { ...r, deadline: 'Khi có yêu cầu' } : r));
    const draft = draftOf(miniPlan({ table: miniTable(rows) }));
    expect(draft.tasks[0]?.deadline).toEqual({
      kind: 'unknown',
      from: null,
      to: null,
      text: 'Khi có yêu cầu',
    });
    expect(codes(draft)).toEqual(['unknown_deadline']);
  });
});

describe('incomplete plans', () => {
  it('reads a plan without a task table, with one warning', () => {
    const draft = draftOf(miniPlan({ table: '' }));
    expect(draft.tasks).toEqual([]);
    expect(draft.warnings).toEqual([
      { code: 'missing_task_table', message: 'Không tìm thấy bảng danh mục nhiệm vụ.', line: null },
    ]);
    expect(draft.targets).toHaveLength(3);
    expect(draft.duties).toHaveLength(2);
    expect(draft.regime?.annualDueDay).toBe(20);
  });

  it('reads a plan cut in the middle of the table as far as it goes', () => {
    const full = miniPlan();
    const cut = full.slice(0, full.indexOf('kỹ năng số') + 3);
    const draft = draftOf(cut);
    expect(draft.tasks).toHaveLength(2);
    expect(draft.tasks[0]?.deadline.kind).toBe('quarter');
    expect(draft.tasks[1]).toMatchObject({
      ordinal: '2',
      content: 'Đào tạo kỹ',
      lead: '',
      coordinators: [],
      product: null,
    });
    expect(draft.warnings).toEqual([expect.objectContaining({ code: 'truncated_table' })]);
    expect(draft.warnings[0]?.message).toContain('thiếu 4 ô');
    expect(draft.warnings[0]?.line).toBeGreaterThan(0);
  });

  it('reads a plan cut in its body, one warning per missing part', () => {
    const cut = miniPlan().split('II. MỤC TIÊU')[0] ?? '';
    const draft = draftOf(cut);
    expect(draft.number).toBe('25/KH-UBND');
    expect(draft.sections).toHaveLength(1);
    expect(codes(draft)).toEqual([
      'missing_targets',
      'missing_duties',
      'missing_regime',
      'missing_task_table',
    ]);
  });

  it('warns when number and date are missing', () => {
    const header = MINI_HEADER.replace('Số: 25/KH-UBND', 'Số: /KH-UBND').replace(
      ', ngày 05 tháng 3 năm 2024',
      ', ngày    tháng   năm 2024',
    );
    const draft = draftOf(miniPlan({ header }));
    expect(draft.number).toBeNull();
    expect(draft.issuedOn).toBeNull();
    expect(codes(draft)).toEqual(['missing_number', 'missing_date']);
    expect(
      draft.warnings.every((w) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u.test(w.message)),
    ).toBe(true);
  });
});

describe('input normalisation', () => {
  it('gives the same draft for Windows line endings and a BOM', () => {
    expect(draftOf(`\uFEFF${SAMPLE.replace(/\n/g, '\r\n')}`)).toEqual(draftOf(SAMPLE));
    expect(draftOf(miniPlan().replace(/\n/g, '\r'))).toEqual(draftOf(miniPlan()));
  });

  it('treats page breaks (form feeds from PDF conversion) as line breaks', () => {
    const paged = SAMPLE.replace('\nIV. TỔ CHỨC THỰC', '\f\nIV. TỔ CHỨC THỰC').replace(
      '\n|\nDANH MỤC',
      '\f|\nDANH MỤC',
    );
    const draft = draftOf(paged);
    expect(draft.tasks).toHaveLength(21);
    expect(draft.duties).toHaveLength(11);
  });

  it('gives the same draft for NFD-decomposed text', () => {
    const nfd = SAMPLE.normalize('NFD');
    expect(nfd).not.toBe(SAMPLE);
    expect(draftOf(nfd)).toEqual(draftOf(SAMPLE));
  });
});

describe('header layouts', () => {
  it('reads the number on the line after "Số:" and a date broken across lines with "tháng 09"', () => {
    const header = MINI_HEADER.replace('Số: 25/KH-UBND', 'Số:\n312/KH-UBND').replace(
      'Bắc Ninh, ngày 05 tháng 3 năm 2024',
      'Bắc\nNinh, ngày 18\ntháng 09 năm 2023',
    );
    const draft = draftOf(miniPlan({ header }));
    expect(draft).toMatchObject({ number: '312/KH-UBND', place: 'Bắc Ninh', issuedOn: '2023-09-18' });
    expect(draft.warnings).toEqual([]);
  });

  it('reads a city issuer, a one-line header and a sentence-case title with "Thực hiện" basis', () => {
    const header = [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 45/KH-UBND Hà Nội, ngày 5 tháng 10 năm 2022',
      'KẾ HOẠCH',
      'Thực hiện Nghị quyết số 15-NQ/TU của Thành ủy',
      'về phát triển công nghiệp',
      'Thực hiện Nghị quyết số 15-NQ/TU ngày 12/5/2022 của Thành ủy Hà Nội; UBND Thành phố ban hành',
      'Kế hoạch thực hiện như sau:',
    ].join('\n');
    const draft = draftOf(miniPlan({ header }));
    expect(draft).toMatchObject({
      number: '45/KH-UBND',
      issuer: 'UBND thành phố Hà Nội',
      place: 'Hà Nội',
      issuedOn: '2022-10-05',
      title: 'Kế hoạch Thực hiện Nghị quyết số 15-NQ/TU của Thành ủy về phát triển công nghiệp',
      basis: ['Thực hiện Nghị quyết số 15-NQ/TU ngày 12/5/2022 của Thành ủy Hà Nội'],
    });
  });

  it('reads basis from a "CĂN CỨ" block and from a "CĂN CỨ" section', () => {
    const block = MINI_HEADER.split('Căn cứ Quyết định')[0] ?? '';
    const header = `${block}CĂN CỨ XÂY DỰNG KẾ HOẠCH\n- Luật Giao dịch điện tử năm 2023;\n- Quyết định số 12/QĐ-UBND\nngày 10/01/2024 của UBND tỉnh.`;
    expect(draftOf(miniPlan({ header })).basis).toEqual([
      'Luật Giao dịch điện tử năm 2023',
      'Quyết định số 12/QĐ-UBND ngày 10/01/2024 của UBND tỉnh',
    ]);

    const body = `I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n- Nghị quyết số 07-NQ/TU ngày 15/6/2021 của Tỉnh ủy;\n- Quyết định số 99/QĐ-UBND ngày 01/02/2024.\n${MINI_BODY.replace('I. MỤC ĐÍCH', 'II. MỤC ĐÍCH').replace('II. MỤC TIÊU', 'III. MỤC TIÊU').replace('III. TỔ CHỨC', 'IV. TỔ CHỨC')}`;
    const draft = draftOf(miniPlan({ body }));
    expect(draft.basis).toEqual([
      'Căn cứ Quyết định số 12/QĐ-UBND ngày 10/01/2024 của UBND tỉnh về chuyển đổi số',
      'Nghị quyết số 07-NQ/TU ngày 15/6/2021 của Tỉnh ủy',
      'Quyết định số 99/QĐ-UBND ngày 01/02/2024',
    ]);
    expect(draft.sections.map((s) => s.ordinal)).toEqual(['I', 'II', 'III', 'IV']);
    expect(draft.targets).toHaveLength(3);
  });

  it('reads objectives under "QUAN ĐIỂM, MỤC TIÊU, YÊU CẦU" from the "Mục tiêu" item only', () => {
    const body = MINI_BODY.replace(
      /II\. MỤC TIÊU[\s\S]*?(?=III\. TỔ CHỨC)/u,
      [
        'II. QUAN ĐIỂM, MỤC TIÊU, YÊU CẦU',
        '1. Quan điểm',
        '- Huy động 100% hệ thống chính trị vào cuộc.',
        '2. Mục tiêu',
        '- Đến năm 2025, tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử đạt 90%.',
        '- Đến năm 2030: thu hút khoảng 5-7 dự án công nghệ số; kim ngạch đạt 1.200 triệu USD.',
        '3. Yêu cầu',
        '- Bảo đảm 100% nhiệm vụ có địa chỉ.',
        '',
      ].join('\n'),
    );
    const draft = draftOf(miniPlan({ body }));
    expect(draft.targets).toEqual([
      expect.objectContaining({ kind: 'percentage', min: 90, max: 90, toYear: 2025 }),
      expect.objectContaining({
        kind: 'count',
        min: 5,
        max: 7,
        unit: 'dự án',
        approximate: true,
        toYear: 2030,
      }),
      expect.objectContaining({ kind: 'level', min: 1200, max: 1200, unit: 'triệu USD', toYear: 2030 }),
    ]);
    expect(draft.targets[0]?.subject).toBe('Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử');
  });

  it('reads duties written as "- Agency: …" bullets', () => {
    const body = MINI_BODY.replace(
      /III\. TỔ CHỨC THỰC HIỆN[\s\S]*?(?=Nơi nhận)/u,
      'III. TỔ CHỨC THỰC HIỆN\n- Sở Tài chính: bố trí kinh phí.\n- UBND các huyện, thị xã, thành phố: triển khai tại địa phương.\nCác cơ quan báo cáo định kỳ hằng năm trước ngày 10/12 gửi Sở Tài chính tổng hợp.\n',
    );
    const draft = draftOf(miniPlan({ body }));
    expect(draft.duties.map((d) => d.agencyText)).toEqual([
      'Sở Tài chính',
      'UBND các huyện, thị xã, thành phố',
    ]);
    expect(draft.regime).toMatchObject({
      annualDueDay: 10,
      annualDueMonth: 12,
      consolidator: 'Sở Tài chính',
    });
  });
});

describe('refusals', () => {
  it.each(['', '   \n\t\n', '\uFEFF'])('refuses empty input %j', (text) => {
    expect(errorOf(text)).toMatchObject({ code: 'empty', message: expect.stringMatching(/^Tệp trống/) });
  });

  it('refuses a text that is not a plan', () => {
    const error = errorOf('Kính gửi các đồng chí,\nThư mời họp giao ban tháng 9.\n');
    expect(error.code).toBe('not_a_plan');
    expect(error.message).toContain('không phải là kế hoạch');
    expect(errorOf('QUYẾT ĐỊNH\nSố: 12/QĐ-UBND\nVề việc phê duyệt').code).toBe('not_a_plan');
  });

  it('refuses mojibake and replacement characters, naming the line', () => {
    const latin1 = Buffer.from(SAMPLE, 'utf8').toString('latin1');
    expect(errorOf(latin1)).toMatchObject({ code: 'encoding', line: 1 });
    expect(errorOf(latin1).message).toMatch(/^Tệp không phải mã UTF-8/);

    const cp1252 = 'KẾ HOẠCH\nSố: 1/KH-UBND\nTáº¡i tá»‰nh HÆ°ng YÃªn';
    expect(errorOf(cp1252)).toMatchObject({ code: 'encoding', line: 3 });

    const replaced = 'KẾ HOẠCH\nSố: 1/KH-UBND\nCh\uFFFDơng trình';
    expect(errorOf(replaced)).toMatchObject({ code: 'encoding', line: 3 });
  });

  it('accepts legitimate capitals that look like mojibake pieces', () => {
    const header = MINI_HEADER.replace('TRIỂN KHAI CHƯƠNG TRÌNH', 'TRIỂN KHAI TẠI NGÃ BA CHƯƠNG TRÌNH');
    expect(parsePlanText(miniPlan({ header })).ok).toBe(true);
  });
});
