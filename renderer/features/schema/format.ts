/** Display helpers for the schema pages. */

export function formatBytes(bytes: string | number | null): string {
  if (bytes === null) return '—';
  let n = Number(bytes);
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return unit === 0 ? `${n} bytes` : `${n.toFixed(n < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatCount(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number(value).toLocaleString('en-US');
}

export function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : 'never';
}

/** pg_stats.n_distinct: positive is a count, negative a fraction of the rows. */
export function formatDistinct(n: number | null): string {
  if (n === null) return '—';
  if (n < 0) return n === -1 ? 'all distinct' : `${Math.round(-n * 100)}% of rows`;
  return n.toLocaleString('en-US');
}

/** A 0..1 share as a percentage with one decimal, never rounded up to 100 % before it is. */
export function formatPercent(fraction: number): string {
  // The epsilon absorbs binary noise (0.57 * 1000 = 569.99…), not real values.
  const tenths = Math.floor(fraction * 1000 + 1e-9) / 10;
  return `${tenths.toFixed(1)} %`;
}

/** An int8 as Postgres sent it (a string), grouped by thousands without passing through a double. */
export function formatInt8(value: string | null): string {
  if (value === null) return '—';
  const match = /^(-?)(\d+)$/.exec(value);
  if (!match) return value;
  return `${match[1]}${match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}
