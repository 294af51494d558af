import { describe, expect, it } from 'vitest';
import type { SessionRow } from '../../../../shared/contract/insights';
import { blockingTree, type TreeNode } from './blocking-tree';

const s = (pid: number, blockedBy: number[] = []) => ({ pid, blockedBy }) as SessionRow;
const shape = (nodes: TreeNode[]): unknown => nodes.map((n) => [n.session.pid, shape(n.children)]);

describe('blockingTree', () => {
  it('roots at the blocker that nobody blocks, with waiters nested', () => {
    expect(shape(blockingTree([s(1), s(2, [1]), s(3, [2]), s(4)]))).toEqual([[1, [[2, [[3, []]]]]]]);
  });
  it('shows a session under each of its blockers, and survives a deadlock cycle', () => {
    expect(shape(blockingTree([s(1), s(2), s(3, [1, 2])]))).toEqual([
      [1, [[3, []]]],
      [2, [[3, []]]],
    ]);
    expect(blockingTree([s(1, [2]), s(2, [1])])).toEqual([]);
  });
});
