/** A dependency edge: `viewOid` reads `refOid`. */
export interface Edge {
  viewOid: number;
  refOid: number;
}

/**
 * For each materialized view, the materialized views it reads directly or through plain views
 * (a view's edges are followed, a materialized view's are not: it is a stored snapshot).
 */
export function matviewInputs(matviews: Set<number>, edges: Edge[]): Map<number, Set<number>> {
  const reads = new Map<number, number[]>();
  for (const e of edges) reads.set(e.viewOid, [...(reads.get(e.viewOid) ?? []), e.refOid]);
  const result = new Map<number, Set<number>>();
  for (const mv of matviews) {
    const found = new Set<number>();
    const seen = new Set<number>([mv]);
    const stack = [...(reads.get(mv) ?? [])];
    while (stack.length) {
      const oid = stack.pop()!;
      if (seen.has(oid)) continue;
      seen.add(oid);
      if (matviews.has(oid)) found.add(oid);
      else stack.push(...(reads.get(oid) ?? [])); // plain view (or table: no edges) — look through it
    }
    result.set(mv, found);
  }
  return result;
}

/**
 * Refresh order: every materialized view after the ones it reads (Kahn's algorithm; ties by the
 * given order so the result is stable). Views cannot form cycles, but a cycle would be reported.
 */
export function refreshOrder(order: number[], inputs: Map<number, Set<number>>): number[] {
  const pending = new Map(order.map((oid) => [oid, new Set([...(inputs.get(oid) ?? [])].filter((x) => order.includes(x)))]));
  const out: number[] = [];
  while (pending.size) {
    const ready = order.filter((oid) => pending.has(oid) && pending.get(oid)!.size === 0);
    if (!ready.length) throw new Error(`Materialized views depend on each other in a cycle: ${[...pending.keys()].join(', ')}`);
    for (const oid of ready) {
      pending.delete(oid);
      out.push(oid);
      for (const deps of pending.values()) deps.delete(oid);
    }
  }
  return out;
}
