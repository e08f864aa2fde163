import { formatDateVi } from '../task-status/calendar';

/** What the chain needs of an agency: its end and who took over its work. */
export interface SuccessionNode {
  id: number;
  name: string;
  validTo: string | null;
  successorId: number | null;
}

/** One hand-over: the agency that took over and the first day it answers for the work (null: not known). */
export interface SuccessionStep {
  organisationId: number;
  name: string;
  from: string | null;
}

/** The day after an ISO date. */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The agencies an agency's work passed to, in order: Sở Kế hoạch và Đầu tư (ended 28/02/2025) →
 * Sở Tài chính from 01/03/2025 (→ a later successor, if that one was merged in turn). Empty when the
 * registry records no successor. A loop in the records stops the chain.
 */
export function successionChain(id: number, byId: ReadonlyMap<number, SuccessionNode>): SuccessionStep[] {
  const steps: SuccessionStep[] = [];
  const seen = new Set<number>([id]);
  let current = byId.get(id);
  while (current?.successorId != null && !seen.has(current.successorId)) {
    const next = byId.get(current.successorId);
    if (next === undefined) break;
    steps.push({
      organisationId: next.id,
      name: next.name,
      from: current.validTo === null ? null : dayAfter(current.validTo),
    });
    seen.add(next.id);
    current = next;
  }
  return steps;
}

/** The agency that answers for the work on `date`: the last step that had begun by then (or the agency). */
export function successorOn(id: number, chain: readonly SuccessionStep[], date: string): number {
  let current = id;
  for (const step of chain) {
    if (step.from !== null && step.from > date) break;
    current = step.organisationId;
  }
  return current;
}

/** "Sở Kế hoạch và Đầu tư → Sở Tài chính từ 01/03/2025", as every view of a reorganised agency writes it. */
export function chainText(name: string, chain: readonly SuccessionStep[]): string {
  return [name, ...chain.map(stepText)].join(' → ');
}

const stepText = (s: SuccessionStep) => (s.from ? `${s.name} từ ${formatDateVi(s.from)}` : s.name);

/** "nay là Sở Tài chính từ 01/03/2025": under the name of a reorganised agency's past work (its reports). */
export function nowText(chain: readonly SuccessionStep[]): string {
  return `nay là ${chain.map(stepText).join(' → ')}`;
}

/** One successor link of `organisation_successors`: a split gives an agency several, one of them main. */
export interface SuccessorLink {
  organisationId: number;
  successorId: number;
  isMain: boolean;
}

/**
 * Every agency that took over part of an agency's work, the main one first (the one `successorId` and
 * the chain follow); an agency recorded only through `successorId` (before events) has that one.
 */
export function successorsOf(node: SuccessionNode, links: readonly SuccessorLink[]): number[] {
  const own = links.filter((l) => l.organisationId === node.id);
  const main = own.find((l) => l.isMain)?.successorId ?? node.successorId;
  const rest = own.map((l) => l.successorId).filter((id) => id !== main);
  return main === null ? rest : [main, ...rest];
}

/**
 * The agencies that answer, on `date`, for the work of agency `id`: itself while it exists, else the
 * end of its chain reached by then. A list, so a split (several successors) can answer with each;
 * every notification and grouping "as now" goes through here.
 */
export function answeringAgenciesOn(
  id: number,
  byId: ReadonlyMap<number, SuccessionNode>,
  date: string,
): number[] {
  return [successorOn(id, successionChain(id, byId), date)];
}
