import type { PlanNode } from '../../../shared/contract/insights';

/** One node of EXPLAIN (FORMAT JSON), with the keys we read (https://www.postgresql.org/docs/current/sql-explain.html). */
export type RawPlan = Record<string, unknown> & { Plans?: RawPlan[] };

/** Estimates off by this factor either way are highlighted (the threshold explain.depesz.com uses). */
export const MISESTIMATE_FACTOR = 10;

const DETAIL_KEYS = [
  'Join Type',
  'Strategy',
  'Parent Relationship',
  'Subplan Name',
  'CTE Name',
  'Index Cond',
  'Recheck Cond',
  'Hash Cond',
  'Merge Cond',
  'Join Filter',
  'Filter',
  'Rows Removed by Filter',
  'Rows Removed by Join Filter',
  'Rows Removed by Index Recheck',
  'Sort Key',
  'Sort Method',
  'Sort Space Used',
  'Group Key',
  'Presorted Key',
  'Hash Buckets',
  'Hash Batches',
  'Peak Memory Usage',
  'Workers Planned',
  'Workers Launched',
  'Heap Fetches',
  'Exact Heap Blocks',
  'Lossy Heap Blocks',
  'Cache Key',
  'Cache Hits',
  'Cache Misses',
] as const;

const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function titleOf(p: RawPlan): string {
  // INSERT/UPDATE/DELETE/MERGE appear as "ModifyTable" with the verb in "Operation".
  const type = p['Node Type'] === 'ModifyTable' && typeof p.Operation === 'string' ? p.Operation : String(p['Node Type'] ?? '?');
  const parts = [type];
  const rel = p['Relation Name'];
  if (typeof rel === 'string') {
    const schema = typeof p.Schema === 'string' ? `${p.Schema}.` : '';
    const alias = typeof p.Alias === 'string' && p.Alias !== rel ? ` ${p.Alias}` : '';
    parts.push(`on ${schema}${rel}${alias}`);
  } else if (typeof p['CTE Name'] === 'string') parts.push(`on ${p['CTE Name']}`);
  else if (typeof p['Function Name'] === 'string') parts.push(`on ${p['Function Name']}()`);
  if (typeof p['Index Name'] === 'string') parts.push(`using ${p['Index Name']}`);
  return parts.join(' ');
}

function detailsOf(p: RawPlan): string[] {
  const out: string[] = [];
  for (const key of DETAIL_KEYS) {
    const v = p[key];
    if (v === undefined || v === null) continue;
    out.push(`${key}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  }
  return out;
}

/** Inclusive time over all loops, ms; null without ANALYZE. A never-executed node took 0. */
function inclusiveMs(p: RawPlan): number | null {
  const total = n(p['Actual Total Time']);
  const loops = n(p['Actual Loops']);
  if (loops === 0) return 0;
  if (total === null || loops === null) return null;
  return total * loops;
}

function buffersOf(p: RawPlan): PlanNode['buffers'] {
  if (n(p['Shared Hit Blocks']) === null) return null;
  const b = (k: string) => n(p[k]) ?? 0;
  return {
    sharedHit: b('Shared Hit Blocks'),
    sharedRead: b('Shared Read Blocks'),
    sharedDirtied: b('Shared Dirtied Blocks'),
    sharedWritten: b('Shared Written Blocks'),
    tempRead: b('Temp Read Blocks'),
    tempWritten: b('Temp Written Blocks'),
  };
}

/** actual/estimated rows per loop, and whether that is off by MISESTIMATE_FACTOR either way. */
export function estimateOf(
  planRows: number,
  actualRows: number | null,
  loops: number | null,
): { ratio: number | null; misestimate: boolean } {
  if (actualRows === null || !loops) return { ratio: null, misestimate: false };
  const ratio = actualRows / Math.max(planRows, 1);
  const big = Math.max(actualRows, planRows);
  const small = Math.max(Math.min(actualRows, planRows), 1);
  return { ratio, misestimate: big >= MISESTIMATE_FACTOR && big / small >= MISESTIMATE_FACTOR };
}

/**
 * Flattens a JSON plan into nodes in display order (depth-first) with exclusive time and cost:
 * a node's own share is its inclusive figure minus its direct children's, clamped at zero
 * (the approach of explain.depesz.com and PEV2; parallel and InitPlan children make it approximate).
 */
export function flattenPlan(root: RawPlan): PlanNode[] {
  const nodes: PlanNode[] = [];
  const walk = (p: RawPlan, parentId: number | null, depth: number) => {
    const id = nodes.length;
    const children = p.Plans ?? [];
    const incl = inclusiveMs(p);
    const childMs = children.reduce<number | null>((sum, c) => {
      const ms = inclusiveMs(c);
      return sum === null || ms === null ? null : sum + ms;
    }, 0);
    const totalCost = n(p['Total Cost']) ?? 0;
    const childCost = children.reduce((sum, c) => sum + (n(c['Total Cost']) ?? 0), 0);
    const planRows = n(p['Plan Rows']) ?? 0;
    const loops = n(p['Actual Loops']);
    const actualRows = n(p['Actual Rows']);
    const estimate = estimateOf(planRows, actualRows, loops);
    nodes.push({
      id,
      parentId,
      depth,
      nodeType: String(p['Node Type'] ?? '?'),
      title: titleOf(p),
      details: detailsOf(p),
      startupCost: n(p['Startup Cost']) ?? 0,
      totalCost,
      planRows,
      actualRows,
      loops,
      actualTotalMs: incl,
      exclusiveMs: incl === null ? null : Math.max(0, incl - (childMs ?? 0)),
      exclusiveCost: Math.max(0, totalCost - childCost),
      rowsRatio: estimate.ratio,
      misestimate: estimate.misestimate,
      buffers: buffersOf(p),
    });
    for (const c of children) walk(c, id, depth + 1);
  };
  walk(root, null, 0);
  return nodes;
}

/** Node ids, most expensive first: by exclusive time when analyzed, by exclusive cost otherwise. */
export function hottestFirst(nodes: PlanNode[]): number[] {
  const analyzed = nodes.some((x) => x.exclusiveMs !== null);
  const weight = (x: PlanNode) => (analyzed ? (x.exclusiveMs ?? 0) : x.exclusiveCost);
  return [...nodes].sort((a, b) => weight(b) - weight(a) || a.id - b.id).map((x) => x.id);
}
