import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PlanDraft, planDraftSchema } from '../../contracts/plan-draft';
import { parsePlanText } from './parse-text';

const SAMPLE = readFileSync(
  new URL('../../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url),
  'utf8',
);

function sampleDraft(): PlanDraft {
  const result = parsePlanText(SAMPLE);
  if (!result.ok) throw new Error(result.error.message);
  return result.draft;
}

const draft = sampleDraft();

describe('Kế hoạch 148/KH-UBND Hưng Yên (sample fixture)', () => {
  it('matches the published contract and raises no warnings', () => {
    expect(planDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft.warnings).toEqual([]);
  });

  it('reads the header', () => {
    expect(draft.number).toBe('148/KH-UBND');
    expect(draft.issuer).toBe('UBND tỉnh Hưng Yên');
    expect(draft.place).toBe('Hưng Yên');
    expect(draft.issuedOn).toBe('2021-09-27');
    expect(draft.title).toMatch(/^Kế hoạch THỰC HIỆN NGHỊ QUYẾT SỐ 07-NQ\/TU NGÀY 15\/6\/2021 /);
    expect(draft.title).toMatch(/ĐỊNH HƯỚNG ĐẾN NĂM 2030$/);
    expect(draft.title).not.toContain('\n');
  });

  it('reads the legal basis without the enacting clause', () => {
    expect(draft.basis).toHaveLength(1);
    expect(draft.basis[0]).toMatch(/^Căn cứ Nghị quyết số 07-NQ\/TU ngày 15\/6\/2021 của Ban Chấp hành/);
    expect(draft.basis[0]).toMatch(/\(sau đây viết tắt là Nghị quyết số 07-NQ\/TU\)$/);
  });

  it('builds the section tree, keeping both "III." sections in order', () => {
    expect(draft.sections.map((s) => `${s.ordinal}. ${s.heading}`)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. MỤC TIÊU',
      'III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU',
      'III. KINH PHÍ THỰC HIỆN',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
    const tasks = draft.sections[2];
    expect(tasks?.children.map((c) => c.ordinal)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(tasks?.children[6]?.heading).toBe('Về phát triển TTCN, làng nghề');
    const four = tasks?.children[3];
    expect(four?.children.map((c) => [c.ordinal, c.heading])).toEqual([
      ['4.1', 'Phát triển nguồn nhân lực'],
      ['4.2', 'Phát triển khoa học công nghệ'],
    ]);
    const purpose = draft.sections[0]?.children[0];
    expect(purpose?.paragraphs).toHaveLength(2);
    expect(purpose?.paragraphs[0]).toBe(
      '- Triển khai có hiệu quả các nhiệm vụ và giải pháp đã đề ra trong Nghị quyết số 07-NQ/TU ngày 15/6/2021 của Ban Chấp hành Đảng bộ tỉnh khóa XIX về Chương trình phát triển công nghiệp, tiểu thủ công nghiệp (sau đây viết tắt là CN, TTCN) tỉnh Hưng Yên giai đoạn 2021-2025, định hướng đến năm 2030.',
    );
    // "2016\n-2025" is one year range broken by the layout.
    expect(four?.children[1]?.paragraphs[0]).toContain('giai đoạn 2016-2025, đẩy mạnh');
  });

  it('finds the quantified targets', () => {
    const pick = ({ kind, min, max, unit, fromYear, toYear, approximate }: PlanDraft['targets'][number]) => ({
      kind,
      min,
      max,
      unit,
      fromYear,
      toYear,
      approximate,
    });
    const targets = draft.targets.map(pick);
    const expected = [
      {
        kind: 'average_growth',
        min: 9,
        max: 10,
        unit: '%/năm',
        fromYear: 2021,
        toYear: 2025,
        approximate: false,
      },
      {
        kind: 'average_growth',
        min: 9.5,
        max: 10,
        unit: '%/năm',
        fromYear: 2021,
        toYear: 2025,
        approximate: false,
      },
      { kind: 'share', min: 66, max: 66, unit: '%', fromYear: null, toYear: 2025, approximate: false },
      { kind: 'level', min: 8.5, max: 8.5, unit: 'tỷ USD', fromYear: null, toYear: 2025, approximate: false },
      { kind: 'count', min: 4, max: 4, unit: 'KCN', fromYear: null, toYear: 2025, approximate: true },
      { kind: 'count', min: 10, max: 10, unit: 'CCN', fromYear: null, toYear: 2025, approximate: true },
      { kind: 'percentage', min: 100, max: 100, unit: '%', fromYear: null, toYear: 2025, approximate: false },
      { kind: 'share', min: 70, max: 70, unit: '%', fromYear: null, toYear: 2030, approximate: true },
    ];
    for (const target of expected) expect(targets).toContainEqual(target);
    expect(draft.targets[0]?.subject).toBe('Chỉ số sản xuất công nghiệp');
    expect(draft.targets[1]?.subject).toBe('Kim ngạch xuất khẩu');
    expect(draft.targets.find((t) => t.unit === 'tỷ USD')?.subject).toBe('Kim ngạch xuất khẩu');
    expect(draft.targets.find((t) => t.unit === 'KCN')?.subject).toBe('Khu công nghiệp đưa vào hoạt động');
    expect(draft.targets.find((t) => t.kind === 'percentage')?.subject).toMatch(
      /^KCN, CCN có hệ thống xử lý nước thải/,
    );
    // The second "100%" (production facilities meeting environmental rules) is a target too.
    expect(draft.targets).toHaveLength(9);
  });

  it('reads one duty per numbered agency item, without the reporting item', () => {
    expect(draft.duties.map((d) => d.agencyText)).toEqual([
      'Sở Công Thương',
      'Sở Kế hoạch và Đầu tư',
      'Sở Tài chính',
      'Sở Tài nguyên và Môi trường',
      'Sở Khoa học và Công nghệ',
      'Sở Lao động, Thương binh và Xã hội',
      'Ban Quản lý các KCN tỉnh',
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Các Sở, ngành, đoàn thể, hiệp hội',
      'Báo Hưng Yên, Đài phát thanh và Truyền hình Hưng Yên',
      'UBND huyện, thị xã, thành phố',
    ]);
    expect(draft.duties[0]?.paragraphs).toHaveLength(4);
    expect(draft.duties[4]?.paragraphs[0]).toMatch(/^Chủ trì, phối hợp với các cơ quan liên quan nghiên cứu/);
  });

  it('reads the reporting regime', () => {
    expect(draft.regime).toMatchObject({
      consolidator: 'Sở Công Thương',
      annualDueDay: 15,
      annualDueMonth: 12,
      midTermYear: 2023,
      finalYear: 2025,
    });
    expect(draft.regime?.text).toContain('trước ngày 15/12 hằng năm');
  });

  it('reads exactly the 21 rows of the task table', () => {
    expect(draft.tasks).toHaveLength(21);
    expect(draft.tasks.map((t) => t.ordinal)).toEqual(Array.from({ length: 21 }, (_, i) => String(i + 1)));
    expect(draft.tasks.every((t) => t.group === null)).toBe(true);
  });

  it('reads the cells of several rows', () => {
    const [t1, t2, t3] = draft.tasks;
    expect(t1).toEqual({
      ordinal: '1',
      group: null,
      content:
        'Xây dựng và triển khai Đề án cơ cấu lại ngành công nghiệp tỉnh Hưng Yên giai đoạn 2021-2025, định hướng đến năm 2030',
      lead: 'Sở Công Thương',
      coordinators: ['Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố'],
      product: 'Đề án',
      deadline: { kind: 'year_range', from: '2021-01-01', to: '2025-12-31', text: '2021-2025' },
    });
    expect(t2?.deadline).toEqual({ kind: 'recurring', from: null, to: null, text: 'Hằng năm' });
    expect(t3?.product).toBe('Quy chế');
    expect(t3?.deadline).toEqual({ kind: 'year', from: '2022-01-01', to: '2022-12-31', text: '2022' });

    const t6 = draft.tasks[5];
    expect(t6?.lead).toBe('Sở Công Thương'); // trailing comma in the cell
    expect(t6?.product).toBe('Hội nghị tuyên truyền');
    expect(t6?.deadline.kind).toBe('recurring');

    const t11 = draft.tasks[10];
    expect(t11?.lead).toBe('Sở Kế hoạch và Đầu tư');
    expect(t11?.deadline).toMatchObject({ kind: 'year', from: '2021-01-01', to: '2021-12-31' });
    expect(draft.tasks[11]?.deadline.kind).toBe('recurring'); // "hàng năm"

    const t15 = draft.tasks[14];
    expect(t15?.lead).toBe('Sở Lao động, Thương binh và Xã hội');
    expect(t15?.coordinators).toEqual([
      'Các sở, ban, ngành',
      'UBND các huyện, thị xã, thành phố',
      'các doanh nghiệp',
      'Các Trường',
      'cơ sở đào tạo',
    ]);
    expect(draft.tasks[15]?.coordinators).toEqual([
      'Các sở, ban, ngành',
      'UBND các huyện, thị xã, thành phố',
      'các DN',
    ]);
    expect(draft.tasks[18]?.lead).toBe('Ban Quản lý các KCN tỉnh');

    const t20 = draft.tasks[19];
    expect(t20?.lead).toBe('Các sở, ban, ngành, UBND các huyện, thị xã, thành phố, các DN');
    expect(t20?.coordinators).toEqual(['Sở Tài chính']);

    const t21 = draft.tasks[20];
    expect(t21?.content).toBe(
      'Kế hoạch phát triển làng nghề tỉnh Hưng Yên giai đoạn 2021- 2025, định hướng đến năm 2030',
    );
    expect(t21?.lead).toBe('Sở Nông nghiệp và Phát triển nông thôn');
    expect(t21?.deadline).toMatchObject({ kind: 'year_range', from: '2021-01-01', to: '2025-12-31' });
  });
});
