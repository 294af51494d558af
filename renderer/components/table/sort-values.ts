/** What a column sorts and copies by: database values arrive as strings (int8, numeric), numbers or null. */
export type SortValue = string | number | bigint | boolean | null | undefined;

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/**
 * Orders two cell values the way a reader expects: numbers (and numeric strings, int8 exactly via
 * bigint) by value, text by locale with numeric collation ("t2" before "t10"), ISO timestamps as
 * text (which is chronological); null and undefined always last, whichever the direction.
 */
export function compareValues(a: SortValue, b: SortValue): number {
  const aNull = a === null || a === undefined || a === '';
  const bNull = b === null || b === undefined || b === '';
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') {
    if (INTEGER.test(a) && INTEGER.test(b)) {
      const x = BigInt(a);
      const y = BigInt(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    if (DECIMAL.test(a) && DECIMAL.test(b)) return Number(a) - Number(b);
    return collator.compare(a, b);
  }
  const x = typeof a === 'bigint' ? a : typeof a === 'number' ? a : Number(a);
  const y = typeof b === 'bigint' ? b : typeof b === 'number' ? b : Number(b);
  if (typeof x === 'bigint' || typeof y === 'bigint') {
    const bx = BigInt(typeof x === 'number' ? Math.trunc(x) : x);
    const by = BigInt(typeof y === 'number' ? Math.trunc(y) : y);
    return bx < by ? -1 : bx > by ? 1 : 0;
  }
  if (Number.isNaN(x) || Number.isNaN(y)) return collator.compare(String(a), String(b));
  return x - y;
}

const collator = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });

/** A value as text for the clipboard: tab-separated rows must not break on a tab or newline inside. */
export function copyText(value: SortValue): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\t\r\n]+/g, ' ');
}
