import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTaskSheet, splitTsv } from './task-sheet';

/** A cell as Excel and LibreOffice copy it: quoted when it holds a tab, a line break or a quote. */
const asCopied = (cell: string) => (/[\t\n"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const tsv = (rows: string[][]) => `${rows.map((r) => r.map(asCopied).join('\t')).join('\r\n')}\r\n`;

describe('splitTsv', () => {
  it('cuts rows at line breaks and cells at tabs, without a row for the final line break', () => {
    expect(splitTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(splitTsv('a\tb\nc\t')).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
  });

  it('reads a quoted cell with line breaks, tabs and doubled quotes as one cell', () => {
    const text = '1\t"Xây dựng đề án\nphát triển ""CCN"" mới"\tSở Công Thương\n2\t"a\tb"\tx\n';
    expect(splitTsv(text)).toEqual([
      ['1', 'Xây dựng đề án\nphát triển "CCN" mới', 'Sở Công Thương'],
      ['2', 'a\tb', 'x'],
    ]);
  });

  it('keeps a cell that only starts with a quoted word as written', () => {
    expect(splitTsv('"Xanh" hóa sản xuất\t2025')).toEqual([['"Xanh" hóa sản xuất', '2025']]);
  });

  it('gives back what a spreadsheet copied, for any cells', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ệ', ' ', '"', '\t', '\n', '1', ',') });
    const rows = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, (rs) => {
        // A row of one empty cell cannot be told from a blank line; tables never have one.
        fc.pre(rs.every((r) => r.some((c) => c !== '')));
        expect(splitTsv(tsv(rs))).toEqual(rs);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('readTaskSheet', () => {
  const header = ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian', 'Sản phẩm'];

  it('reads a header row, group rows and tasks with their deadlines', () => {
    const r = readTaskSheet(
      tsv([
        header,
        ['I', 'Nhiệm vụ chung', '', '', '', ''],
        [
          '1',
          'Xây dựng đề án\nphát triển CCN',
          'Sở Công Thương',
          'Sở Tài chính, Sở Xây dựng',
          'Năm 2025',
          'Đề án',
        ],
        ['2', 'Rà soát quy hoạch', 'Sở Xây dựng', '', 'Quý II/2026', ''],
        ['II. Nhiệm vụ cụ thể', '', '', '', '', ''],
        ['1', 'Tuyên truyền', 'Báo Hưng Yên', '', 'Hằng năm', 'Hội nghị'],
        ['2', 'Ban hành quy chế', 'Sở Nội vụ', '', '30/6/2026', 'Quyết định'],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.headerRow).toBe(1);
    expect(r.tasks.map((t) => [t.ordinal, t.group, t.content, t.deadline.kind, t.deadline.to])).toEqual([
      ['1', 'I. Nhiệm vụ chung', 'Xây dựng đề án phát triển CCN', 'year', '2025-12-31'],
      ['2', 'I. Nhiệm vụ chung', 'Rà soát quy hoạch', 'quarter', '2026-06-30'],
      ['1', 'II. Nhiệm vụ cụ thể', 'Tuyên truyền', 'recurring', null],
      ['2', 'II. Nhiệm vụ cụ thể', 'Ban hành quy chế', 'date', '2026-06-30'],
    ]);
    expect(r.tasks[0]).toMatchObject({
      lead: 'Sở Công Thương',
      coordinators: ['Sở Tài chính', 'Sở Xây dựng'],
      product: 'Đề án',
      deadline: { text: 'Năm 2025' },
    });
    expect(r.tasks[1]?.product).toBeNull();
  });

  it('takes the plan’s usual column order when no header row is pasted, with or without the number column', () => {
    const withNumbers = readTaskSheet('1\tLập kế hoạch\tSở Công Thương\tSở Tài chính\t2025\tKế hoạch\n');
    expect(withNumbers.headerRow).toBeNull();
    expect(withNumbers.tasks[0]).toMatchObject({
      ordinal: '1',
      content: 'Lập kế hoạch',
      lead: 'Sở Công Thương',
      coordinators: ['Sở Tài chính'],
      product: 'Kế hoạch',
      deadline: { kind: 'year' },
    });
    const withoutNumbers = readTaskSheet('Lập kế hoạch\tSở Công Thương\t\t2025\n');
    expect(withoutNumbers.tasks[0]).toMatchObject({
      ordinal: '1',
      content: 'Lập kế hoạch',
      lead: 'Sở Công Thương',
    });
  });

  it('follows the columns of the header, in any order, keeping other columns as extra fields', () => {
    const r = readTaskSheet(
      tsv([
        ['Thời hạn hoàn thành', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Nguồn kinh phí'],
        ['2026', 'Đầu tư hạ tầng', 'UBND huyện A', 'Ngân sách tỉnh'],
      ]),
    );
    expect(r.tasks[0]).toMatchObject({
      content: 'Đầu tư hạ tầng',
      lead: 'UBND huyện A',
      deadline: { kind: 'year' },
      extra: [{ label: 'Nguồn kinh phí', text: 'Ngân sách tỉnh' }],
    });
  });

  it('names each bad row and column in Vietnamese: no content is left out, the rest kept for correction', () => {
    const r = readTaskSheet(
      tsv([
        header,
        ['1', 'Việc có đủ', 'Sở Công Thương', '', '2025', ''],
        ['2', '', 'Sở Tài chính', '', '2025', ''],
        ['3', 'Việc thiếu chủ trì', '', '', '2025', ''],
        ['4', 'Việc hạn lạ', 'Sở Xây dựng', '', 'cuối năm sau', ''],
      ]),
    );
    expect(r.tasks.map((t) => t.content)).toEqual(['Việc có đủ', 'Việc thiếu chủ trì', 'Việc hạn lạ']);
    expect(r.problems).toEqual([
      { row: 3, column: null, message: 'Dòng 3: thiếu nội dung nhiệm vụ', kept: false },
      {
        row: 4,
        column: 'Cơ quan chủ trì',
        message: 'Dòng 4, cột Cơ quan chủ trì: thiếu cơ quan chủ trì',
        kept: true,
      },
      {
        row: 5,
        column: 'Thời gian',
        message: 'Dòng 5, cột Thời gian: không hiểu “cuối năm sau”',
        kept: true,
      },
    ]);
    expect(r.tasks[2]?.deadline).toEqual({ kind: 'unknown', from: null, to: null, text: 'cuối năm sau' });
  });

  it('counts rows as pasted, a multi-line cell being one row', () => {
    const r = readTaskSheet(
      tsv([
        ['1', 'Dòng một\ncó hai dòng', 'Sở Công Thương', '', '2025', ''],
        ['2', 'Dòng hai', 'Sở Công Thương', '', 'sớm', ''],
      ]),
    );
    expect(r.problems.map((p) => p.message)).toEqual(['Dòng 2, cột Thời gian hoàn thành: không hiểu “sớm”']);
  });

  it('says so when nothing was pasted', () => {
    expect(readTaskSheet('  \n\t\n').problems[0]?.message).toMatch(/^Chưa có dòng nhiệm vụ nào/);
  });

  it('carries the group the paste continues under', () => {
    const r = readTaskSheet('5\tViệc tiếp\tSở Công Thương\t\t2025\n', 'III. Nhóm cũ');
    expect(r.tasks[0]?.group).toBe('III. Nhóm cũ');
  });
});
