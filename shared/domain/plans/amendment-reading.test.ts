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
