import type { PlanTask } from '../../contracts/plan-draft';
import type { ReviewDraft, ReviewTask } from '../../contracts/plan-import';
import { matchAgency, namesWithCommas, type RegistryEntry } from '../organisations/match';
import { toReviewDraft } from './review';

/**
 * A plan entered by hand (issue 13 item 5): some plans never had a document that imports well. It is
 * a review draft like an imported one, started empty, so it is saved, matched to the registry and
 * confirmed by the same code (plan-import's review and confirm, plans/plan-writer.ts).
 */
export function emptyHandMadeDraft(consolidator: { id: number; name: string }): ReviewDraft {
  return {
    kind: 'plan',
    number: null,
    issuer: null,
    place: null,
    issuedOn: null,
    title: '',
    basis: [],
    sections: [],
    targets: [],
    duties: [],
    regime: {
      consolidator: consolidator.name,
      annualDueDay: null,
      annualDueMonth: null,
      midTermYear: null,
      finalYear: null,
      text: '',
    },
    tasks: [],
    warnings: [],
    span: { fromYear: null, toYear: null },
    consolidatorResolution: { type: 'organisation', organisationId: consolidator.id, confidence: 1 },
  };
}

/** The organisation a draft names as consolidating agency, when it names one in the registry. */
export function consolidatorIdOf(draft: ReviewDraft): number | null {
  const r = draft.consolidatorResolution;
  return r?.type === 'organisation' ? r.organisationId : null;
}

export interface DraftProblem {
  path: string;
  message: string;
}

/**
 * What a hand-made plan still lacks before it can be confirmed, each named by its field in Vietnamese.
 * An imported draft keeps what the document said; a typed one must say at least what the plan is, who
 * consolidates it and, for each task, what is to be done and by whom.
 */
export function handMadeProblems(draft: ReviewDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.title.trim() === '')
    problems.push({ path: 'title', message: 'Trích yếu (tên kế hoạch): vui lòng nhập tên kế hoạch' });
  if (consolidatorIdOf(draft) === null)
    problems.push({
      path: 'consolidator',
      message: 'Cơ quan chủ trì tổng hợp: vui lòng chọn một cơ quan trong danh mục',
    });
  const span = draft.span;
  if (span?.fromYear != null && span.toYear != null && span.fromYear > span.toYear)
    problems.push({
      path: 'span.toYear',
      message: 'Thời gian thực hiện: năm kết thúc phải sau hoặc bằng năm bắt đầu',
    });
  if (draft.tasks.length === 0)
    problems.push({ path: 'tasks', message: 'Nhiệm vụ: kế hoạch chưa có nhiệm vụ nào' });
  draft.tasks.forEach((t, i) => {
    const name = `Nhiệm vụ ${t.ordinal || i + 1}${t.group ? ` (${t.group})` : ''}`;
    if (t.content.trim() === '')
      problems.push({ path: `tasks.${i}.content`, message: `${name}: thiếu nội dung nhiệm vụ` });
    if (t.leads.length === 0)
      problems.push({ path: `tasks.${i}.lead`, message: `${name}: thiếu cơ quan chủ trì` });
  });
  draft.targets.forEach((t, i) => {
    if (t.text.trim() === '')
      problems.push({ path: `targets.${i}.text`, message: `Mục tiêu ${i + 1}: thiếu nội dung mục tiêu` });
  });
  return problems;
}

/**
 * Tasks typed or pasted into a hand-made plan, with the registry links the importer would propose for
 * their agency cells (the same split, matching as of the plan's date, and flags), so a hand-made plan
 * is reviewed exactly like an imported one.
 */
export function linkTasks(
  tasks: readonly PlanTask[],
  registry: readonly RegistryEntry[],
  on: string | null,
): ReviewTask[] {
  const bare = emptyHandMadeDraft({ id: 0, name: '' });
  const linked = toReviewDraft(
    { ...bare, tasks: [...tasks] },
    (raw) => matchAgency(raw, registry, on),
    namesWithCommas(registry),
  );
  return linked.tasks;
}
