/** One backup as retention sees it: when it was taken. */
export interface Dated {
  file: string;
  at: Date;
}

export interface RetentionPolicy {
  /** Keep the newest backup of each of the last N days that have one. */
  daily: number;
  /** … of each of the last N ISO weeks (Monday to Sunday, UTC). */
  weekly: number;
  /** … of each of the last N calendar months (UTC). */
  monthly: number;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const month = (d: Date) => d.toISOString().slice(0, 7);

/** ISO 8601 week, e.g. 2026-W05: the week belongs to the year of its Thursday. */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Grandfather-father-son selection (the seeds: 30 daily, monthly for a year; 7 daily and 4
 * weekly): walking from the newest backup back, the first one of each day, week and month is
 * kept while that bucket still has room. A backup may be kept by several rules; everything not
 * kept by any is pruned. The newest backup is always kept, whatever the counts.
 */
export function selectRetained<T extends Dated>(backups: T[], policy: RetentionPolicy): { keep: T[]; prune: T[] } {
  const sorted = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const kept = new Set<T>();
  const rules: [number, (d: Date) => string][] = [
    [policy.daily, day],
    [policy.weekly, isoWeek],
    [policy.monthly, month],
  ];
  for (const [count, bucketOf] of rules) {
    const seen = new Set<string>();
    for (const b of sorted) {
      if (seen.size >= count) break;
      const bucket = bucketOf(b.at);
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      kept.add(b);
    }
  }
  if (sorted[0]) kept.add(sorted[0]);
  return { keep: sorted.filter((b) => kept.has(b)), prune: sorted.filter((b) => !kept.has(b)) };
}
