import type {
  AgencyLinkDraft,
  AgencyResolution,
  ReviewDraft,
} from '../../../../shared/contracts/plan-import';
import { replaceAt } from './draftUpdates';

/** One agency the draft names: a link of a task's lead or coordinator cell, of a duty heading, or the consolidator. */
export type AgencySlot =
  | { kind: 'lead'; task: number; index: number }
  | { kind: 'coordinator'; task: number; index: number }
  | { kind: 'duty'; duty: number; index: number }
  | { kind: 'consolidator' };

export interface SlotValue {
  text: string;
  resolution: AgencyResolution | null;
}

export function readSlot(draft: ReviewDraft, slot: AgencySlot): SlotValue | null {
  switch (slot.kind) {
    case 'lead':
      return draft.tasks[slot.task]?.leads[slot.index] ?? null;
    case 'coordinator':
      return draft.tasks[slot.task]?.coordinatorLinks[slot.index] ?? null;
    case 'duty':
      return draft.duties[slot.duty]?.agencies[slot.index] ?? null;
    case 'consolidator':
      return draft.regime
        ? { text: draft.regime.consolidator ?? '', resolution: draft.consolidatorResolution }
        : null;
  }
}

/** Every slot of the draft, in reading order. */
export function allSlots(draft: ReviewDraft): AgencySlot[] {
  const slots: AgencySlot[] = draft.tasks.flatMap((t, task) => [
    ...t.leads.map((_, index): AgencySlot => ({ kind: 'lead', task, index })),
    ...t.coordinatorLinks.map((_, index): AgencySlot => ({ kind: 'coordinator', task, index })),
  ]);
  draft.duties.forEach((d, duty) => {
    slots.push(...d.agencies.map((_, index): AgencySlot => ({ kind: 'duty', duty, index })));
  });
  if (draft.regime) slots.push({ kind: 'consolidator' });
  return slots;
}

function relinked(links: AgencyLinkDraft[], index: number, resolution: AgencyResolution): AgencyLinkDraft[] {
  const link = links[index];
  return link ? replaceAt(links, index, { ...link, resolution }) : links;
}

/** The draft with one agency re-linked; the wording of the document is left as it was. */
export function writeSlot(draft: ReviewDraft, slot: AgencySlot, resolution: AgencyResolution): ReviewDraft {
  switch (slot.kind) {
    case 'lead':
    case 'coordinator': {
      const t = draft.tasks[slot.task];
      if (!t) return draft;
      const task =
        slot.kind === 'lead'
          ? { ...t, leads: relinked(t.leads, slot.index, resolution) }
          : { ...t, coordinatorLinks: relinked(t.coordinatorLinks, slot.index, resolution) };
      return { ...draft, tasks: replaceAt(draft.tasks, slot.task, task) };
    }
    case 'duty': {
      const d = draft.duties[slot.duty];
      if (!d) return draft;
      return {
        ...draft,
        duties: replaceAt(draft.duties, slot.duty, {
          ...d,
          agencies: relinked(d.agencies, slot.index, resolution),
        }),
      };
    }
    case 'consolidator':
      return { ...draft, consolidatorResolution: resolution };
  }
}

/** Plans repeat the same wording in many rows; the officer usually means the same agency every time. */
export function slotsWithText(draft: ReviewDraft, text: string): AgencySlot[] {
  const wanted = text.trim();
  return allSlots(draft).filter((s) => readSlot(draft, s)?.text.trim() === wanted);
}
