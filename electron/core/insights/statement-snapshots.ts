/**
 * Cumulative pg_stat_statements counters sampled while the Slow queries page is open, so the
 * console can say what happened in the last minutes (pghero shows totals since reset only).
 * Kept in memory per connection; snapshots at least MIN_SPACING_MS apart, none older than MAX_AGE_MS.
 */
export interface Counters {
  calls: bigint;
  rows: bigint;
  totalExecMs: number;
}

export interface Snapshot {
  at: number;
  counters: Map<string, Counters>;
}

export interface Delta {
  calls: string;
  rows: string;
  totalExecMs: number;
  meanExecMs: number | null;
}

const MIN_SPACING_MS = 15_000;
const MAX_AGE_MS = 3_600_000;

export class StatementSnapshots {
  private readonly byScope = new Map<string, Snapshot[]>();

  constructor(
    private readonly minSpacingMs = MIN_SPACING_MS,
    private readonly maxAgeMs = MAX_AGE_MS,
  ) {}

  /** Records `current` (unless the last one is too recent) and returns the baseline for the window. */
  observe(scope: string, current: Snapshot, windowMs: number): Snapshot | undefined {
    const list = (this.byScope.get(scope) ?? []).filter((s) => current.at - s.at <= this.maxAgeMs);
    const baseline = list.find((s) => current.at - s.at <= windowMs && s.at < current.at);
    const last = list.at(-1);
    if (!last || current.at - last.at >= this.minSpacingMs) list.push(current);
    this.byScope.set(scope, list);
    return baseline;
  }

  forget(scope: string): void {
    for (const key of [...this.byScope.keys()]) if (key === scope || key.startsWith(`${scope}\u0000`)) this.byScope.delete(key);
  }
}

/**
 * The change of one statement since the baseline. A statement absent from the baseline is new in
 * the window (all its counts are recent); a counter that went down means it was reset or evicted
 * meanwhile, and then the current values are the best we know.
 */
export function deltaOf(now: Counters, before: Counters | undefined): Delta {
  const base = before && now.calls >= before.calls ? before : { calls: 0n, rows: 0n, totalExecMs: 0 };
  const calls = now.calls - base.calls;
  const totalExecMs = Math.max(0, now.totalExecMs - base.totalExecMs);
  return {
    calls: calls.toString(),
    rows: (now.rows - base.rows < 0n ? now.rows : now.rows - base.rows).toString(),
    totalExecMs,
    meanExecMs: calls > 0n ? totalExecMs / Number(calls) : null,
  };
}
