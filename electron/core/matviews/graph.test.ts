import { describe, expect, it } from 'vitest';
import { matviewInputs, refreshOrder } from './graph';

describe('materialized view graph', () => {
  // 10, 11, 12 are materialized views; 20 a plain view; 30 a table.
  // 12 reads view 20, which reads 11; 11 reads 10; 10 reads table 30.
  const mvs = new Set([10, 11, 12]);
  const edges = [
    { viewOid: 12, refOid: 20 },
    { viewOid: 20, refOid: 11 },
    { viewOid: 11, refOid: 10 },
    { viewOid: 10, refOid: 30 },
  ];

  it('finds inputs through plain views but not through materialized views', () => {
    const inputs = matviewInputs(mvs, edges);
    expect([...inputs.get(12)!]).toEqual([11]);
    expect([...inputs.get(11)!]).toEqual([10]);
    expect([...inputs.get(10)!]).toEqual([]);
  });

  it('orders refreshes after their inputs, stably', () => {
    const inputs = matviewInputs(mvs, edges);
    expect(refreshOrder([12, 11, 10], inputs)).toEqual([10, 11, 12]);
    expect(refreshOrder([12, 10], inputs)).toEqual([12, 10]); // 11 not in the set: no constraint left
  });

  it('reports a cycle instead of looping', () => {
    expect(() =>
      refreshOrder(
        [1, 2],
        new Map([
          [1, new Set([2])],
          [2, new Set([1])],
        ]),
      ),
    ).toThrow(/cycle/);
  });
});
