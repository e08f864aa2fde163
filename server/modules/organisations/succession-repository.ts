import {
  answeringAgenciesOn,
  type SuccessionNode,
  type SuccessionStep,
  successionChain,
  successorOn,
} from '../../../shared/domain/organisations/succession';
import type { Db } from '../../db/db';

/**
 * Every agency that is part of a reorganisation: it has a successor, or it is one. Few rows (a
 * province's mergers), read in one query; chains are followed in memory.
 */
export type Succession = ReadonlyMap<number, SuccessionNode>;

/** `{ chain }` for a view of an agency that was reorganised; nothing for one that never was. */
export function chainField(nodes: Succession, id: number | null): { chain?: SuccessionStep[] } {
  if (id === null || !nodes.has(id)) return {};
  const chain = successionChain(id, nodes);
  return chain.length > 0 ? { chain } : {};
}

export async function loadSuccession(db: Db): Promise<Succession> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'valid_to', 'successor_id'])
    .where((eb) =>
      eb.or([
        eb('successor_id', 'is not', null),
        eb(
          'id',
          'in',
          eb
            .selectFrom('organisations as p')
            .select('p.successor_id')
            .where('p.successor_id', 'is not', null),
        ),
      ]),
    )
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, validTo: r.valid_to, successorId: r.successor_id }]),
  );
}

/** The chain of each agency asked for (agencies without one are left out). */
export function chainsOf(
  nodes: ReadonlyMap<number, SuccessionNode>,
  ids: Iterable<number | null>,
): Map<number, SuccessionStep[]> {
  const out = new Map<number, SuccessionStep[]>();
  for (const id of ids) {
    if (id === null || out.has(id)) continue;
    const chain = successionChain(id, nodes);
    if (chain.length > 0) out.set(id, chain);
  }
  return out;
}

/** Agencies whose work has passed, by `date`, to `id` (directly or through several mergers). */
export function predecessorsOn(
  nodes: ReadonlyMap<number, SuccessionNode>,
  id: number,
  date: string,
): number[] {
  const out: number[] = [];
  for (const node of nodes.values()) {
    if (node.id === id) continue;
    if (successorOn(node.id, successionChain(node.id, nodes), date) === id) out.push(node.id);
  }
  return out;
}

/** For each agency asked for, the agencies answering for its work on `date` (itself when not reorganised). */
export function answeringOn(
  nodes: ReadonlyMap<number, SuccessionNode>,
  ids: Iterable<number>,
  date: string,
): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const id of ids)
    if (!out.has(id)) out.set(id, nodes.has(id) ? answeringAgenciesOn(id, nodes, date) : [id]);
  return out;
}
