import { describe, expect, it } from 'vitest';
import { estimateOf, flattenPlan, hottestFirst, type RawPlan } from './plan-tree';

/** Shape of a real EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) plan on PostgreSQL 18. */
const analyzed: RawPlan = {
  'Node Type': 'Hash Join',
  'Join Type': 'Inner',
  'Startup Cost': 10,
  'Total Cost': 100,
  'Plan Rows': 50,
  'Actual Total Time': 30,
  'Actual Rows': 5000,
  'Actual Loops': 1,
  'Hash Cond': '(t.order_id = o.id)',
  'Shared Hit Blocks': 12,
  'Shared Read Blocks': 3,
  Plans: [
    {
      'Node Type': 'Seq Scan',
      'Relation Name': 'tickets',
      Alias: 't',
      'Startup Cost': 0,
      'Total Cost': 60,
      'Plan Rows': 5000,
      'Actual Total Time': 20,
      'Actual Rows': 5000,
      'Actual Loops': 1,
      Filter: "(status = 'VALID'::text)",
    },
    {
      'Node Type': 'Hash',
      'Startup Cost': 5,
      'Total Cost': 25,
      'Plan Rows': 10,
      'Actual Total Time': 4,
      'Actual Rows': 10,
      'Actual Loops': 1,
      Plans: [
        {
          'Node Type': 'Index Scan',
          'Relation Name': 'orders',
          Alias: 'o',
          'Index Name': 'orders_pkey',
          'Startup Cost': 0,
          'Total Cost': 20,
          'Plan Rows': 10,
          'Actual Total Time': 0.5,
          'Actual Rows': 1,
          'Actual Loops': 6,
        },
      ],
    },
  ],
};

describe('flattenPlan', () => {
  const nodes = flattenPlan(analyzed);

  it('lists nodes depth-first with parents and titles', () => {
    expect(nodes.map((x) => [x.id, x.parentId, x.depth, x.title])).toEqual([
      [0, null, 0, 'Hash Join'],
      [1, 0, 1, 'Seq Scan on tickets t'],
      [2, 0, 1, 'Hash'],
      [3, 2, 2, 'Index Scan on orders o using orders_pkey'],
    ]);
    expect(nodes[0]!.details).toContain('Hash Cond: (t.order_id = o.id)');
  });

  it('computes exclusive time from loops and children', () => {
    // Index scan: 0.5 ms × 6 loops = 3; Hash: 4 − 3 = 1; join: 30 − (20 + 4) = 6.
    expect(nodes.map((x) => x.exclusiveMs)).toEqual([6, 20, 1, 3]);
    expect(nodes[3]!.actualTotalMs).toBe(3);
    expect(nodes.map((x) => x.exclusiveCost)).toEqual([15, 60, 5, 20]);
  });

  it('flags misestimates and keeps buffers', () => {
    expect(nodes[0]!.misestimate).toBe(true); // 50 estimated, 5000 actual
    expect(nodes[0]!.rowsRatio).toBe(100);
    expect(nodes[1]!.misestimate).toBe(false);
    expect(nodes[0]!.buffers).toMatchObject({ sharedHit: 12, sharedRead: 3 });
    expect(nodes[1]!.buffers).toBeNull();
  });

  it('orders the hottest nodes first', () => {
    expect(hottestFirst(nodes)).toEqual([1, 0, 3, 2]);
  });

  it('without ANALYZE ranks by exclusive cost and has no times', () => {
    const plain = flattenPlan({
      'Node Type': 'Limit',
      'Total Cost': 5,
      'Plan Rows': 1,
      Plans: [{ 'Node Type': 'Seq Scan', 'Total Cost': 4, 'Plan Rows': 1 }],
    });
    expect(plain.map((x) => x.exclusiveMs)).toEqual([null, null]);
    expect(hottestFirst(plain)).toEqual([1, 0]);
  });

  it('treats a never-executed node as zero time', () => {
    const never = flattenPlan({
      'Node Type': 'Seq Scan',
      'Total Cost': 4,
      'Plan Rows': 100,
      'Actual Loops': 0,
      'Actual Rows': 0,
      'Actual Total Time': 0,
    });
    expect(never[0]).toMatchObject({ exclusiveMs: 0, misestimate: false, rowsRatio: null });
  });
});

describe('estimateOf', () => {
  it('is symmetric and ignores tiny counts', () => {
    expect(estimateOf(1000, 10, 1).misestimate).toBe(true);
    expect(estimateOf(10, 1000, 1).misestimate).toBe(true);
    expect(estimateOf(1, 5, 1).misestimate).toBe(false);
    expect(estimateOf(1, 0, 1).misestimate).toBe(false);
  });
});
