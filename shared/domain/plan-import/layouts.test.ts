import { describe, expect, it } from 'vitest';
import { type PlanDraft, planDraftSchema } from '../../contracts/plan-draft';
import { parsePlanText } from './parse-text';
import {
  defaultHead,
  gazetteTable,
  HEADER_LABELS,
  layoutTable,
  markdownTable,
  plan,
  ROWS,
  type Row,
} from './test-support/layout-builders';

function parse(text: string): PlanDraft {
  const result = parsePlanText(text);
  if (!result.ok) throw new Error(result.error.message);
  expect(planDraftSchema.safeParse(result.draft).success).toBe(true);
  return result.draft;
}

/** The task rows of ROWS as the parser should read them, whatever the layout. */
function expectRows(draft: PlanDraft) {
  expect(
    draft.tasks.map((t) => ({
      ordinal: t.ordinal,
      group: t.group,
      content: t.content,
      lead: t.lead,
      coordinators: t.coordinators.join(', '),
      product: t.product,
      deadline: t.deadline.text,
    })),
  ).toEqual(
    ROWS.filter((r) => !r.group).map((r) => {
      const group = [...ROWS.slice(0, ROWS.indexOf(r))].reverse().find((g) => g.group);
      return {
        ordinal: r.ordinal,
        group: group === undefined ? null : `${group.ordinal}. ${group.content}`,
        content: r.content,
        lead: r.lead,
        coordinators: r.coordinators,
        product: r.product,
        deadline: r.deadline,
      };
    }),
  );
}

describe('task tables as real sources break them', () => {
  it('reads a Markdown table with group rows and numbering restarting under each group', () => {
    const draft = parse(plan(markdownTable()));
    expectRows(draft);
    expect(draft.tasks.every((t) => t.review === undefined)).toBe(true);
  });

  it('reads a table shattered into small pipe tables mixed with plain lines', () => {
    const [g1, r1, r2, g2, r3, r4] = ROWS as [Row, Row, Row, Row, Row, Row];
    const small = (rows: Row[]) => markdownTable(rows).split('\n').slice(2).join('\n');
    const text = [
      markdownTable([]),
      `${g1.ordinal}. ${g1.content}`,
      small([r1]),
      '| --- | --- | --- | --- | --- | --- |',
      small([r2]),
      '',
      `${g2.ordinal}. ${g2.content}`,
      markdownTable([r3]),
      small([r4]),
    ].join('\n');
    expectRows(parse(plan(text)));
  });

  it('reads a table whose cells are separated by tabs like a pipe table', () => {
    const tabbed = markdownTable()
      .split('\n')
      .filter((line) => !line.includes('---'))
      .map((line) =>
        line
          .replace(/^\| | \|$/g, '')
          .split(' | ')
          .join('\t'),
      )
      .join('\n');
    expect(tabbed).not.toContain('|');
    const draft = parse(plan(tabbed));
    expectRows(draft);
    // Every cell edge was marked in the source: nothing was guessed.
    expect(draft.tasks.every((t) => t.review === undefined)).toBe(true);
  });

  it('reads a header row split over two rows', () => {
    const top = ['TT', 'Nội dung nhiệm vụ', 'Cơ quan', 'Cơ quan', 'Sản phẩm', 'Thời hạn'];
    const bottom = ['', '', 'chủ trì', 'phối hợp', '', 'hoàn thành'];
    const body = markdownTable().split('\n').slice(1);
    const text = [`| ${top.join(' | ')} |`, `| ${bottom.join(' | ')} |`, ...body].join('\n');
    expectRows(parse(plan(text)));
  });

  it('reads one cell per line, cells wrapped at column width, a row cut by a gazette page head', () => {
    const draft = parse(plan(gazetteTable()));
    expectRows(draft);
    // Every row was rebuilt from the layout: each says so and points at its source lines.
    expect(draft.tasks.every((t) => (t.review?.[0]?.fromLine ?? 0) > 0)).toBe(true);
    expect(draft.warnings.map((w) => w.code)).toContain('table_cells_guessed');
    // The row cut by the page break: the cells joined across it are marked one by one, with the
    // column they are in, why, and the source lines they came from.
    const cellNotes = draft.tasks.flatMap((t) => t.review ?? []).filter((n) => n.field !== 'row');
    const continued = cellNotes.filter((n) => n.reason === 'continued');
    expect(continued.length).toBeGreaterThan(0);
    for (const n of continued) {
      expect(['content', 'lead', 'coordinators', 'product', 'deadline', 'extra']).toContain(n.field);
      expect(HEADER_LABELS).toContain(n.column);
      expect(n.message).toMatch(/được ghép từ chữ ở nhiều chỗ \(dòng \d+/u);
      expect(n.source?.length).toBeGreaterThan(1);
      const text = plan(gazetteTable()).split('\n');
      for (const s of n.source ?? []) expect(text[s.line - 1]?.trim()).toBe(s.text);
    }
    // The running head and page number are page furniture, not text nobody read.
    expect(draft.sourceLines?.unused).toEqual([]);
  });

  it('reads columns laid out with runs of spaces, cells interleaved line by line', () => {
    expectRows(parse(plan(layoutTable())));
  });

  it('marks a cell whose text ran on under the next column as a column guess', () => {
    const table = layoutTable().replace('2025-2030        ', '2025-2030 và khác');
    expect(table).toContain('2025-2030 và khác');
    const task = parse(plan(table)).tasks.find((t) => t.ordinal === '1');
    expect(task?.content).toMatch(/2025-2030 và khác$/u);
    const note = task?.review?.find((n) => n.reason === 'column');
    expect(note?.field).toBe('content');
    expect(note?.message).toMatch(
      /đứng lệch giữa hai cột \(giữa cột «Nội dung nhiệm vụ» và cột «Cơ quan chủ trì»\)/u,
    );
    // The source lines are shown as laid out, so the officer sees where each column stands.
    expect(note?.source?.[1]?.text).toMatch(/2025-2030 và khác {2,}Xây dựng/u);
  });

  it('drops page heads and page numbers from the body text', () => {
    const text = plan(markdownTable()).replace(
      '1. Mục đích\n- Triển khai hiệu quả các nhiệm vụ',
      '1. Mục đích\n- Triển khai hiệu quả các\n\nCÔNG BÁO/Số 12/Ngày 05-01-2026\n37\n\nnhiệm vụ',
    );
    const draft = parse(text);
    expect(draft.sections[0]?.children[0]?.paragraphs[0]).toBe(
      '- Triển khai hiệu quả các nhiệm vụ phát triển công nghiệp hỗ trợ của tỉnh.',
    );
  });
});

describe('numbering', () => {
  const row = (ordinal: string, content: string, deadline = 'Năm 2025'): Row => ({
    ordinal,
    content,
    lead: 'Sở Nội vụ',
    coordinators: 'Sở Tài chính',
    product: 'Báo cáo',
    deadline,
  });

  it('keeps sub-headings (II.1) as groups and reads sub-rows a), b) under their parent', () => {
    const rows: Row[] = [
      { ordinal: 'II', group: true, content: 'Nhóm nhiệm vụ về cải cách hành chính' },
      { ordinal: 'II.1', group: true, content: 'Về thể chế' },
      { ordinal: '1', content: 'Rà soát thủ tục hành chính' },
      row('a)', 'Rà soát thủ tục cấp tỉnh'),
      row('b)', 'Rà soát thủ tục cấp xã'),
      row('2', 'Công bố danh mục thủ tục'),
    ];
    const draft = parse(plan(markdownTable(rows)));
    expect(draft.tasks.map((t) => [t.ordinal, t.group])).toEqual([
      ['1a', '1. Rà soát thủ tục hành chính'],
      ['1b', '1. Rà soát thủ tục hành chính'],
      ['2', 'II.1. Về thể chế'],
    ]);
  });

  it('reads ordinals such as 2đ and numbers of 1000 and above', () => {
    const rows: Row[] = [
      row('1000', 'Nhiệm vụ một nghìn'),
      row('1001', 'Nhiệm vụ một nghìn lẻ một'),
      row('1002a', 'Nhiệm vụ con a'),
      row('1002b', 'Nhiệm vụ con b'),
    ];
    const lettered: Row[] = [row('2d', 'Nhiệm vụ d'), row('2đ', 'Nhiệm vụ đ'), row('2e', 'Nhiệm vụ e')];
    expect(parse(plan(markdownTable(rows))).tasks.map((t) => t.ordinal)).toEqual([
      '1000',
      '1001',
      '1002a',
      '1002b',
    ]);
    expect(parse(plan(markdownTable(lettered))).tasks.map((t) => t.ordinal)).toEqual(['2d', '2đ', '2e']);
  });

  it('uses letters A, B as groups with numbering restarting under each', () => {
    const rows: Row[] = [
      { ordinal: 'A', group: true, content: 'Nhiệm vụ chung' },
      row('1', 'Nhiệm vụ A1'),
      { ordinal: 'B', group: true, content: 'Nhiệm vụ riêng' },
      row('1', 'Nhiệm vụ B1'),
    ];
    expect(parse(plan(markdownTable(rows))).tasks.map((t) => `${t.group}/${t.ordinal}`)).toEqual([
      'A. Nhiệm vụ chung/1',
      'B. Nhiệm vụ riêng/1',
    ]);
  });
});

describe('columns', () => {
  it('keeps extra columns as extra fields and reads a table without a coordinator column', () => {
    const labels = [
      'STT',
      'Nội dung',
      'Cấp trình',
      'Cơ quan chủ trì',
      'Địa điểm',
      'Thời gian thực hiện',
      'Nguồn kinh phí',
    ];
    const table = [
      `| ${labels.join(' | ')} |`,
      `| ${labels.map(() => '---').join(' | ')} |`,
      '| 1 | Xây dựng trung tâm logistics | UBND tỉnh | Sở Công Thương | Huyện Quế Võ | 2025-2027 | Ngân sách tỉnh |',
    ].join('\n');
    const draft = parse(plan(table));
    expect(draft.tasks).toHaveLength(1);
    expect(draft.tasks[0]?.lead).toBe('Sở Công Thương');
    expect(draft.tasks[0]?.coordinators).toEqual([]);
    expect(draft.tasks[0]?.deadline.kind).toBe('year_range');
    expect(draft.tasks[0]?.extra).toEqual([
      { label: 'Cấp trình', text: 'UBND tỉnh' },
      { label: 'Địa điểm', text: 'Huyện Quế Võ' },
      { label: 'Nguồn kinh phí', text: 'Ngân sách tỉnh' },
    ]);
    expect(draft.warnings.map((w) => w.code)).toContain('missing_column');
  });

  it('joins a deadline cell split over lines ("Thường" / "xuyên")', () => {
    const draft = parse(plan(gazetteTable()));
    expect(draft.tasks.find((t) => t.content.startsWith('Rà soát, điều chỉnh'))?.deadline).toMatchObject({
      kind: 'continuous',
      text: 'Thường xuyên',
    });
  });
});

describe('other parts of real plans', () => {
  it('turns the rows of an indicator appendix into targets', () => {
    const indicators = [
      'PHỤ LỤC II',
      'CÁC CHỈ TIÊU CHỦ YẾU',
      '| TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030 |',
      '| --- | --- | --- | --- | --- |',
      '| I | Chỉ tiêu kinh tế | | | |',
      '| 1 | Tốc độ tăng giá trị sản xuất công nghiệp | %/năm | 12-13 | 14 |',
      '| 2 | Số cụm công nghiệp đi vào hoạt động | cụm | 10 | 15 |',
    ].join('\n');
    const draft = parse(plan(`${markdownTable()}\n${indicators}`));
    const fromAppendix = draft.targets.filter(
      (t) => t.subject.startsWith('Tốc độ') || t.subject.startsWith('Số cụm'),
    );
    expect(fromAppendix.map((t) => [t.subject, t.min, t.max, t.unit, t.toYear, t.kind])).toEqual([
      ['Tốc độ tăng giá trị sản xuất công nghiệp', 12, 13, '%/năm', 2025, 'average_growth'],
      ['Tốc độ tăng giá trị sản xuất công nghiệp', 14, 14, '%/năm', 2030, 'average_growth'],
      ['Số cụm công nghiệp đi vào hoạt động', 10, 10, 'cụm', 2025, 'count'],
      ['Số cụm công nghiệp đi vào hoạt động', 15, 15, 'cụm', 2030, 'count'],
    ]);
    expect(draft.tasks).toHaveLength(4);
  });

  it('reads counted targets: classes, models, communes', () => {
    const draft = parse(plan(markdownTable()));
    expect(draft.targets.map((t) => [t.min, t.max, t.unit, t.kind, t.toYear])).toEqual([
      [5, 5, 'lớp đào tạo nghề', 'count', 2030],
      [8, 10, 'mô hình', 'count', 2030],
      [10, 12, 'xã, phường', 'count', 2030],
    ]);
  });

  it('recognises a reporting regime written inside an agency duty', () => {
    const draft = parse(plan(markdownTable()));
    expect(draft.regime).toMatchObject({
      consolidator: 'Sở Công Thương',
      annualDueDay: 5,
      annualDueMonth: 12,
    });
  });

  it('counts every source line as used or lists it as unused', () => {
    const draft = parse(
      plan(
        `${markdownTable()}\nMột dòng lạc sau bảng không thuộc phần nào của kế hoạch cả, cần người xem lại nội dung này.`,
      ),
    );
    expect(draft.sourceLines?.unused).toHaveLength(1);
    expect(draft.sourceLines?.total).toBe((draft.sourceLines?.used ?? 0) + 1);
    expect(draft.warnings.map((w) => w.code)).toContain('unused_lines');
  });
});

describe('document kinds and header variants', () => {
  const withHead = (head: string) => parse(plan(markdownTable(), head));

  it('reads a Party committee action programme numbered "Số 104 -CTr/TU"', () => {
    const draft = withHead(`TỈNH ỦY QUẢNG NAM
*
Số 104 -CTr/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Tam Kỳ, ngày 05 tháng 6 năm 2025
CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động như sau:`);
    expect(draft.kind).toBe('action_programme');
    expect(draft.number).toBe('104-CTr/TU');
    expect(draft.issuedOn).toBe('2025-06-05');
    expect(draft.place).toBe('Tam Kỳ');
    expect(draft.title).toBe('Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị');
    expect(draft.basis[0]).toMatch(/^Thực hiện Nghị quyết số 57-NQ\/TW/);
  });

  it('reads "Số: 188 /KH-UBND Huế, ngày …" on one line and an issuer over several lines', () => {
    const draft = withHead(`ỦY BAN NHÂN DÂN
THÀNH PHỐ
HUẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 188 /KH-UBND Huế, ngày 20 tháng 5 năm 2025
KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2025`);
    expect(draft.kind).toBe('plan');
    expect(draft.number).toBe('188/KH-UBND');
    expect(draft.issuer).toBe('UBND thành phố Huế');
    expect(draft.place).toBe('Huế');
    expect(draft.issuedOn).toBe('2025-05-20');
  });

  it('reads an issuer block whose copy lost the first letter ("Y BAN NHÂN DÂN")', () => {
    const draft = withHead(defaultHead().replace(/^ỦY BAN NHÂN DÂN/mu, 'Y BAN NHÂN DÂN'));
    expect(draft.issuer).toBe(withHead(defaultHead()).issuer);
    expect(draft.issuer).toMatch(/^UBND tỉnh /u);
  });

  it('reads the number on the line after "Số:"', () => {
    const draft = withHead(defaultHead().replace('Số: 35/KH-UBND', 'Số:\n35/KH-UBND'));
    expect(draft.number).toBe('35/KH-UBND');
  });

  it('ends a sentence-case summary before the first "Căn cứ" (Decree 30 layout)', () => {
    const draft = withHead(`ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 35/KH-UBND
Bắc Ninh, ngày 12 tháng 3 năm 2025
KẾ HOẠCH
Phát triển công nghiệp hỗ trợ
trên địa bàn tỉnh giai đoạn 2025-2030
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
Căn cứ Nghị quyết số 12/NQ-HĐND ngày 10/12/2024 của HĐND tỉnh;`);
    expect(draft.title).toBe('Kế hoạch Phát triển công nghiệp hỗ trợ trên địa bàn tỉnh giai đoạn 2025-2030');
    expect(draft.basis).toHaveLength(2);
  });

  it('reads a Nghị quyết issuing a programme: its number, date and articles', () => {
    const draft = withHead(`HỘI ĐỒNG NHÂN DÂN
TỈNH BẮC NINH
Số: 15/NQ-HĐND
Bắc Ninh, ngày 10 tháng 7 năm 2025
NGHỊ QUYẾT
Ban hành Chương trình phát triển công nghiệp hỗ trợ giai đoạn 2025-2030
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
QUYẾT NGHỊ:
Điều 1. Ban hành kèm theo Nghị quyết này Chương trình phát triển công nghiệp hỗ trợ.
Điều 2. Giao UBND tỉnh tổ chức thực hiện Nghị quyết./.
CHƯƠNG TRÌNH
Phát triển công nghiệp hỗ trợ giai đoạn 2025-2030`);
    expect(draft.kind).toBe('resolution');
    expect(draft.number).toBe('15/NQ-HĐND');
    expect(draft.issuedOn).toBe('2025-07-10');
    expect(draft.title).toBe('Ban hành Chương trình phát triển công nghiệp hỗ trợ giai đoạn 2025-2030');
    expect(draft.basis).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025',
      'Điều 1. Ban hành kèm theo Nghị quyết này Chương trình phát triển công nghiệp hỗ trợ.',
      'Điều 2. Giao UBND tỉnh tổ chức thực hiện Nghị quyết.',
    ]);
  });

  it('reads a Chỉ thị with a task list', () => {
    const draft = withHead(`ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 08/CT-UBND
Bắc Ninh, ngày 02 tháng 4 năm 2025
CHỈ THỊ
Về tăng cường phát triển công nghiệp hỗ trợ`);
    expect(draft.kind).toBe('directive');
    expect(draft.tasks).toHaveLength(4);
  });
});

it('uses the header labels the builders print', () => {
  expect(HEADER_LABELS).toHaveLength(6);
});
