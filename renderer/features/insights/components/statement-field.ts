import { formatCount, formatDecimal, formatMs } from '../../../../shared/domain/format';

/**
 * A pg_stat_statements counter as a reader wants it: the *_time columns (milliseconds) as
 * durations, integer counters grouped exactly (int8), other numbers with up to three decimals;
 * anything else (timestamps, text) as the server sent it.
 */
export function formatStatementField(name: string, value: string | null): string {
  if (value === null || value === '') return '—';
  const isNumber = /^-?\d+(\.\d+)?$/.test(value);
  if (isNumber && /_time$|_time_|^total_time$/.test(name)) return formatMs(Number(value));
  if (/^-?\d+$/.test(value)) return formatCount(value);
  if (isNumber) return formatDecimal(value, 0, 3);
  return value;
}
