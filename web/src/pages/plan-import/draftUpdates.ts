import type { ReviewDraft, ReviewTask } from '../../../../shared/contracts/plan-import';

export type DraftUpdate = (draft: ReviewDraft) => ReviewDraft;

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function patchTask(index: number, patch: Partial<ReviewTask>): DraftUpdate {
  return (d) => {
    const t = d.tasks[index];
    return t ? { ...d, tasks: replaceAt(d.tasks, index, { ...t, ...patch }) } : d;
  };
}

export function removeTask(index: number): DraftUpdate {
  return (d) => ({ ...d, tasks: d.tasks.filter((_, i) => i !== index) });
}

/** A row the parser missed; numbered after the last one so the officer only has to fill it in. */
export function appendTask(): DraftUpdate {
  return (d) => {
    const last = d.tasks[d.tasks.length - 1];
    const next =
      last && /^\d+$/.test(last.ordinal) ? String(Number(last.ordinal) + 1) : String(d.tasks.length + 1);
    const task: ReviewTask = {
      ordinal: next,
      group: last?.group ?? null,
      content: '',
      lead: '',
      coordinators: [],
      product: null,
      deadline: { kind: 'unknown', from: null, to: null, text: '' },
      leads: [],
      coordinatorLinks: [],
    };
    return { ...d, tasks: [...d.tasks, task] };
  };
}
