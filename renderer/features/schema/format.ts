import { formatCount } from '../../../shared/domain/format';
/** Display helpers only the schema pages need; numbers, sizes and shares come from shared/domain/format. */

/** pg_stats.n_distinct: positive is a count, negative a fraction of the rows. */
export function formatDistinct(n: number | null): string {
  if (n === null) return '—';
  if (n < 0) return n === -1 ? 'all distinct' : `${Math.round(-n * 100)}% of rows`;
  return formatCount(n);
}
