import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RevisionTaskFields } from '../../contracts/plan-revisions';
import { parsePlanText } from '../plan-import/parse-text';
import { toReviewDraft } from '../plan-import/review';
import { type PlanTaskRef, readAmendment, resolveReference } from './amendment-reading';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../../../fixtures/plans', name), 'utf8');

const reviewOf = (text: string) => {
  const parsed = parsePlanText(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return toReviewDraft(parsed.draft, () => ({ kind: 'new', proposedName: '' }) as never);
};

/** The plan's tasks as the amending document sees them (ids 101, 102, …). */
function tasksOf(text: string): PlanTaskRef[] {
  const draft = reviewOf(text);
  return draft.tasks.map((t, i) => ({
    id: 101 + i,
    fields: {
      ordinal: t.ordinal,
      group: t.group,
      content: t.content,
      product: t.product,
      deadlineText: t.deadline.text,
      leads: [{ text: t.lead, organisationId: null, groupKey: null }],
      coordinators: [],
    } satisfies RevisionTaskFields,
  }));
}

const agencies = (text: string) =>
  text.split(',').map((name) => ({ text: name.trim(), organisationId: null, groupKey: null }));

describe('an amending document read against its plan', () => {
  it('proposes the supplement’s new tasks, the adjusted deadlines and lead, and warns of a task it cannot find', () => {
    const plan = tasksOf(fixture('hung-yen-148-KH-UBND-2021.txt'));
    const doc = reviewOf(fixture('amendments/hung-yen-bo-sung-dieu-chinh-148.txt'));
    expect(doc.number).toBe('52/KH-UBND');
    expect(doc.issuedOn).toBe('2024-03-15');
    const read = readAmendment(doc, { tasks: plan, agencies, effectiveOn: '2024-03-15' });
    const byKind = (k: string) => read.changes.filter((c) => c.change.kind === k);
    expect(byKind('task_add').map((c) => c.change.kind === 'task_add' && c.change.task.ordinal)).toEqual([
      '22',
      '23',
    ]);
    const added = byKind('task_add')[0]!.change;
    expect(added.kind === 'task_add' && added.task).toMatchObject({
      content: 'Xây dựng Kế hoạch phát triển công nghiệp bán dẫn tỉnh Hưng Yên giai đoạn 2024-2030',
      product: 'Kế hoạch',
      deadlineText: 'Quý III/2024',
      leads: [{ text: 'Sở Công Thương' }],
      coordinators: [{ text: 'Sở Kế hoạch và Đầu tư' }, { text: 'Sở Khoa học và Công nghệ' }],
    });
    const updates = byKind('task_update').map((c) => {
      if (c.change.kind !== 'task_update') throw new Error('update');
      return {
        ref: c.reference,
        task: c.change.taskId,
        deadline: c.change.task.deadlineText,
        leads: c.change.task.leads,
      };
    });
    expect(updates).toEqual([
      { ref: 'nhiệm vụ số 3', task: 103, deadline: '2025', leads: plan[2]!.fields.leads },
      {
        ref: 'nhiệm vụ số 11',
        task: 111,
        deadline: plan[10]!.fields.deadlineText,
        leads: [{ text: 'Sở Tài chính', organisationId: null, groupKey: null }],
      },
      { ref: 'nhiệm vụ số 19', task: 119, deadline: 'Quý IV/2024', leads: plan[18]!.fields.leads },
    ]);
    expect(read.warnings).toEqual([{ message: 'Không tìm thấy nhiệm vụ số 25 trong kế hoạch.' }]);
  });

  it('finds a task by ordinal and group numeral, and names what it cannot find', () => {
    const task = (id: number, ordinal: string, group: string): PlanTaskRef => ({
      id,
      fields: {
        ordinal,
        group,
        content: 'x',
        product: null,
        deadlineText: '2025',
        leads: [],
        coordinators: [],
      },
    });
    const tasks = [
      task(1, '5', 'I. Nhiệm vụ chung'),
      task(2, '5', 'IV. Hạ tầng'),
      task(3, '6', 'IV. Hạ tầng'),
    ];
    expect(resolveReference({ ordinal: '5', section: 'IV' }, tasks)).toEqual({ task: tasks[1] });
    expect(resolveReference({ ordinal: '12', section: 'IV' }, tasks)).toEqual({
      warning: 'Không tìm thấy nhiệm vụ số 12 mục IV trong kế hoạch.',
    });
    expect(resolveReference({ ordinal: '5', section: null }, tasks)).toHaveProperty('warning');
    expect(resolveReference({ ordinal: '6', section: null }, tasks)).toEqual({ task: tasks[2] });
  });
});

/** A plan of four groups I–IV, each with tasks 1–10 (ids: group × 100 + ordinal, e.g. 305 = III.5). */
const GROUPS = ['I. Cơ chế, chính sách', 'II. Hạ tầng', 'III. Nguồn nhân lực', 'IV. Chuyển đổi số'];
const PLAN: PlanTaskRef[] = GROUPS.flatMap((group, g) =>
  Array.from({ length: 10 }, (_, i) => ({
    id: (g + 1) * 100 + i + 1,
    fields: {
      ordinal: String(i + 1),
      group,
      content: `Nhiệm vụ ${i + 1} của nhóm ${g + 1}`,
      product: null,
      deadlineText: '2025',
      leads: [{ text: 'Sở Công Thương', organisationId: null, groupKey: null }],
      coordinators: [],
    },
  })),
);

/** An amending document whose body is `lines` (numbered items of section I, or headings of their own). */
const amending = (...lines: string[]) =>
  reviewOf(
    [
      'ỦY BAN NHÂN DÂN',
      'TỈNH THỬ NGHIỆM',
      'Số: 30/KH-UBND',
      'Thử Nghiệm, ngày 02 tháng 6 năm 2025',
      'KẾ HOẠCH',
      'Điều chỉnh, bổ sung Kế hoạch số 90/KH-UBND ngày 10/02/2023 của UBND tỉnh',
      ...lines,
    ].join('\n'),
  );

const readBody = (...lines: string[]) =>
  readAmendment(amending(...lines), { tasks: PLAN, agencies, effectiveOn: '2025-06-02' });

/** The changes read, in short: "remove 203", "update 305 deadlineText=2026". */
function summary(read: ReturnType<typeof readAmendment>) {
  return read.changes.map((c) => {
    const ch = c.change;
    if (ch.kind === 'task_remove') return `remove ${ch.taskId} (${c.reference})`;
    if (ch.kind === 'task_add') return `add ${ch.task.ordinal}`;
    const current = c.current!;
    const diff = (Object.keys(ch.task) as (keyof RevisionTaskFields)[])
      .filter((k) => JSON.stringify(ch.task[k]) !== JSON.stringify(current[k]))
      .map((k) => `${k}=${JSON.stringify(ch.task[k])}`);
    return `update ${ch.taskId} (${c.reference}) ${diff.join(' ')}`;
  });
}
const messages = (read: ReturnType<typeof readAmendment>) => read.warnings.map((w) => w.message);

describe('a clause naming several tasks', () => {
  it('ends each task of “số 3 và số 4 mục II”', () => {
    const read = readBody('I. BÃI BỎ NHIỆM VỤ', '1. Bãi bỏ nhiệm vụ số 3 và số 4 mục II.');
    expect(summary(read)).toEqual(['remove 203 (nhiệm vụ số 3 mục II)', 'remove 204 (nhiệm vụ số 4 mục II)']);
    expect(read.warnings).toEqual([]);
  });

  it('changes the deadline of each of “các nhiệm vụ số 2, 5, 7 mục III”', () => {
    const read = readBody(
      'I. ĐIỀU CHỈNH NHIỆM VỤ',
      '1. Điều chỉnh thời gian hoàn thành các nhiệm vụ số 2, 5, 7 mục III thành năm 2026.',
    );
    expect(summary(read)).toEqual([
      'update 302 (nhiệm vụ số 2 mục III) deadlineText="2026"',
      'update 305 (nhiệm vụ số 5 mục III) deadlineText="2026"',
      'update 307 (nhiệm vụ số 7 mục III) deadlineText="2026"',
    ]);
    expect(read.warnings).toEqual([]);
  });

  it('reads “nhiệm vụ tại số thứ tự 3, 4 và 6 của mục IV”', () => {
    const read = readBody(
      'I. ĐIỀU CHỈNH NHIỆM VỤ',
      '1. Điều chỉnh thời hạn hoàn thành của nhiệm vụ tại số thứ tự 3, 4 và 6 của mục IV thành Quý II/2026.',
    );
    expect(summary(read)).toEqual([
      'update 403 (nhiệm vụ số 3 mục IV) deadlineText="Quý II/2026"',
      'update 404 (nhiệm vụ số 4 mục IV) deadlineText="Quý II/2026"',
      'update 406 (nhiệm vụ số 6 mục IV) deadlineText="Quý II/2026"',
    ]);
  });

  it('reads a range “từ số 8 đến số 10 mục I”, and “8-10”', () => {
    const read = readBody('I. BÃI BỎ NHIỆM VỤ', '1. Bãi bỏ các nhiệm vụ từ số 8 đến số 10 mục I.');
    expect(summary(read)).toEqual([
      'remove 108 (nhiệm vụ số 8 mục I)',
      'remove 109 (nhiệm vụ số 9 mục I)',
      'remove 110 (nhiệm vụ số 10 mục I)',
    ]);
    const dash = readBody('I. BÃI BỎ NHIỆM VỤ', '1. Bãi bỏ các nhiệm vụ số 8-9 mục II.');
    expect(summary(dash)).toEqual(['remove 208 (nhiệm vụ số 8 mục II)', 'remove 209 (nhiệm vụ số 9 mục II)']);
  });

  it('gives each task its own group in “nhiệm vụ số 2 mục I và nhiệm vụ số 5 mục III”', () => {
    const read = readBody(
      'I. ĐIỀU CHỈNH NHIỆM VỤ',
      '1. Điều chỉnh cơ quan chủ trì của nhiệm vụ số 2 mục I và nhiệm vụ số 5 mục III thành: Sở Tài chính.',
    );
    const leads = '[{"text":"Sở Tài chính","organisationId":null,"groupKey":null}]';
    expect(summary(read)).toEqual([
      `update 102 (nhiệm vụ số 2 mục I) leads=${leads}`,
      `update 305 (nhiệm vụ số 5 mục III) leads=${leads}`,
    ]);
  });

  it('warns of each named task the plan lacks and still changes the others', () => {
    const read = readBody(
      'I. ĐIỀU CHỈNH NHIỆM VỤ',
      '1. Bãi bỏ nhiệm vụ số 3 và số 12 mục II.',
      '2. Điều chỉnh thời hạn hoàn thành các nhiệm vụ số 2, 15 mục III và số 1 mục VI thành năm 2027.',
      '3. Bãi bỏ các nhiệm vụ từ số 9 đến số 11 mục I.',
      '4. Điều chỉnh thời hạn hoàn thành của nhiệm vụ tại số thứ tự 4 và 14 của mục IV thành năm 2026.',
    );
    expect(summary(read)).toEqual([
      'remove 203 (nhiệm vụ số 3 mục II)',
      'update 302 (nhiệm vụ số 2 mục III) deadlineText="2027"',
      'remove 109 (nhiệm vụ số 9 mục I)',
      'remove 110 (nhiệm vụ số 10 mục I)',
      'update 404 (nhiệm vụ số 4 mục IV) deadlineText="2026"',
    ]);
    expect(messages(read)).toEqual([
      'Không tìm thấy nhiệm vụ số 12 mục II trong kế hoạch.',
      'Không tìm thấy nhiệm vụ số 15 mục III trong kế hoạch.',
      'Không tìm thấy nhiệm vụ số 1 mục VI trong kế hoạch: kế hoạch không có mục VI.',
      'Không tìm thấy nhiệm vụ số 11 mục I trong kế hoạch.',
      'Không tìm thấy nhiệm vụ số 14 mục IV trong kế hoạch.',
    ]);
  });

  it('proposes a task named twice once, and warns once of a missing one named twice', () => {
    const read = readBody(
      'I. BÃI BỎ NHIỆM VỤ',
      '1. Bãi bỏ nhiệm vụ số 3, số 3 và số 4 mục II.',
      '2. Bãi bỏ nhiệm vụ số 4 mục II và nhiệm vụ số 20 mục II.',
      '3. Bãi bỏ nhiệm vụ số 20 mục II.',
    );
    expect(summary(read)).toEqual(['remove 203 (nhiệm vụ số 3 mục II)', 'remove 204 (nhiệm vụ số 4 mục II)']);
    expect(messages(read)).toEqual(['Không tìm thấy nhiệm vụ số 20 mục II trong kế hoạch.']);
  });

  it('does not take a year, a count or a document number for another task', () => {
    const read = readBody(
      'I. ĐIỀU CHỈNH NHIỆM VỤ',
      '1. Gia hạn thời hạn hoàn thành nhiệm vụ số 9 mục II đến 2026.',
      '2. Bãi bỏ nhiệm vụ số 7 mục I, 02 nhiệm vụ còn lại của mục I giữ nguyên.',
      '3. Điều chỉnh thời hạn hoàn thành nhiệm vụ số 6 mục IV theo Văn bản số 35/TTr-SCT thành Quý I/2026.',
    );
    expect(summary(read)).toEqual([
      'update 209 (nhiệm vụ số 9 mục II) deadlineText="2026"',
      'remove 107 (nhiệm vụ số 7 mục I)',
      'update 406 (nhiệm vụ số 6 mục IV) deadlineText="Quý I/2026"',
    ]);
    expect(read.warnings).toEqual([]);
  });
});

describe('a clause changing a target (chỉ tiêu)', () => {
  const TARGET_HINT = '— hãy sửa chỉ tiêu trên trang kế hoạch (nút “Sửa chỉ tiêu”).';

  it('is not lost: a warning quotes it, and no task is changed', () => {
    const read = readBody(
      'I. ĐIỀU CHỈNH CHỈ TIÊU',
      '1. Điều chỉnh chỉ tiêu tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý từ 85% thành 90%.',
      '2. Điều chỉnh chỉ tiêu số 2 mục II.1 thành: tỷ lệ đô thị hóa đạt 45%.',
    );
    expect(read.changes).toEqual([]);
    expect(messages(read)).toEqual([
      `Chưa đọc được tự động: “Điều chỉnh chỉ tiêu tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý từ 85% thành 90%.” ${TARGET_HINT}`,
      `Chưa đọc được tự động: “Điều chỉnh chỉ tiêu số 2 mục II.1 thành tỷ lệ đô thị hóa đạt 45%.” ${TARGET_HINT}`,
    ]);
  });

  it('is read under a heading that says it changes targets', () => {
    const read = readBody('I. ĐIỀU CHỈNH CHỈ TIÊU', '1. Tỷ lệ che phủ rừng: từ 30% thành 32%.');
    expect(messages(read)).toEqual([
      `Chưa đọc được tự động: “Tỷ lệ che phủ rừng từ 30% thành 32%.” ${TARGET_HINT}`,
    ]);
  });

  it('leaves a task clause that mentions a target, and a sentence on how to ask for changes', () => {
    const read = readBody(
      'I. ĐIỀU CHỈNH NHIỆM VỤ',
      '1. Điều chỉnh thời hạn hoàn thành nhiệm vụ số 2 mục I (xây dựng bộ chỉ tiêu thống kê) thành năm 2027.',
      'II. TỔ CHỨC THỰC HIỆN',
      'Trong quá trình thực hiện, nếu cần điều chỉnh, bổ sung nhiệm vụ, chỉ tiêu, các sở báo cáo UBND tỉnh.',
    );
    expect(summary(read)).toEqual(['update 102 (nhiệm vụ số 2 mục I) deadlineText="2027"']);
    expect(read.warnings).toEqual([]);
  });
});

describe('hostile text', () => {
  it('reads a 100 KB line of garbage fast', () => {
    const base = amending('I. ĐIỀU CHỈNH NHIỆM VỤ', '1. Bãi bỏ nhiệm vụ số 3 mục II.');
    const garbage = [
      'nhiệm vụ số 1, '.repeat(7000),
      'Điều chỉnh thời hạn nhiệm vụ số 1 thành '.concat('.'.repeat(100_000), 'x'),
      'số '.repeat(33_000),
      `Điều chỉnh nhiệm vụ số 1 mục ${' '.repeat(100_000)}`,
      `Điều chỉnh chỉ tiêu thành “${'“'.repeat(100_000)}x`,
      `Bãi bỏ nhiệm vụ từ số 1${' đến số 2'.repeat(10_000)}`,
      `Điều chỉnh thời hạn nhiệm vụ số 1 ${'(('.repeat(50_000)} thành 2026`,
    ];
    for (const line of garbage) {
      const started = performance.now();
      const read = readAmendment(
        { ...base, sections: [{ ordinal: '1', heading: 'Điều chỉnh', paragraphs: [line], children: [] }] },
        { tasks: PLAN, agencies, effectiveOn: '2025-06-02' },
      );
      expect(performance.now() - started).toBeLessThan(500);
      expect(read.changes.length + read.warnings.length).toBeLessThanOrEqual(301);
    }
  });
});

describe('a clause doing two things', () => {
  it('reads its first list and warns of the tasks named after it', () => {
    const read = readBody(
      'I. ĐIỀU CHỈNH NHIỆM VỤ',
      '1. Bãi bỏ nhiệm vụ số 2 mục I; điều chỉnh thời hạn hoàn thành nhiệm vụ số 5 mục III thành năm 2026.',
    );
    expect(summary(read)).toEqual(['remove 102 (nhiệm vụ số 2 mục I)']);
    expect(messages(read)).toEqual([
      'Chưa đọc được tự động thay đổi của nhiệm vụ số 5 mục III trong câu “Bãi bỏ nhiệm vụ số 2 mục I; điều chỉnh thời hạn hoàn thành nhiệm vụ số 5 mục III thành năm 2026.” — hãy kiểm tra và sửa trực tiếp nhiệm vụ trên trang kế hoạch.',
    ]);
  });
});
