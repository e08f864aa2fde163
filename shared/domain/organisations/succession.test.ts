import { describe, expect, it } from 'vitest';
import { chainText, type SuccessionNode, successionChain, successorOn, successorsOf } from './succession';

const nodes = new Map<number, SuccessionNode>([
  [1, { id: 1, name: 'Sở Kế hoạch và Đầu tư', validTo: '2025-02-28', successorId: 2 }],
  [2, { id: 2, name: 'Sở Tài chính', validTo: '2030-06-30', successorId: 3 }],
  [3, { id: 3, name: 'Sở Tài chính - Kế hoạch', validTo: null, successorId: null }],
  [4, { id: 4, name: 'Sở A', validTo: '2025-01-01', successorId: 5 }],
  [5, { id: 5, name: 'Sở B', validTo: '2025-02-01', successorId: 4 }],
]);

describe('the chain of a reorganised agency', () => {
  it('follows every hand-over with the first day of each successor', () => {
    const chain = successionChain(1, nodes);
    expect(chain).toEqual([
      { organisationId: 2, name: 'Sở Tài chính', from: '2025-03-01' },
      { organisationId: 3, name: 'Sở Tài chính - Kế hoạch', from: '2030-07-01' },
    ]);
    expect(chainText('Sở Kế hoạch và Đầu tư', chain.slice(0, 1))).toBe(
      'Sở Kế hoạch và Đầu tư → Sở Tài chính từ 01/03/2025',
    );
  });

  it('answers who holds the work on a date', () => {
    const chain = successionChain(1, nodes);
    expect(successorOn(1, chain, '2025-02-28')).toBe(1);
    expect(successorOn(1, chain, '2025-03-01')).toBe(2);
    expect(successorOn(1, chain, '2031-01-01')).toBe(3);
  });

  it('stops at a loop and is empty for an agency never merged', () => {
    expect(successionChain(4, nodes).map((s) => s.organisationId)).toEqual([5]);
    expect(successionChain(3, nodes)).toEqual([]);
  });
});

describe('successorsOf (several successors after a split)', () => {
  const node = { id: 1, name: 'Sở A', validTo: '2025-06-30', successorId: 2 };
  it('puts the main successor first and keeps the others', () => {
    expect(
      successorsOf(node, [
        { organisationId: 1, successorId: 3, isMain: false },
        { organisationId: 1, successorId: 2, isMain: true },
        { organisationId: 9, successorId: 4, isMain: true },
      ]),
    ).toEqual([2, 3]);
  });
  it('an agency recorded only by its successor_id has that one; none has none', () => {
    expect(successorsOf(node, [])).toEqual([2]);
    expect(successorsOf({ ...node, successorId: null }, [])).toEqual([]);
  });
});
