/**
 * Migration versions come in many shapes: integers (`0001`, golang-migrate, sqlx), timestamps
 * (`20240115120000`, dbmate), dotted Flyway versions (`1.2.10`, written `1_2_10` too) and diesel's
 * dates with dashes (`2024-01-15-120000`). They are compared as sequences of numbers, never as
 * text, so `1.10` follows `1.9` and `0010` follows `9`.
 */

/** Separators between a version's numeric parts (Flyway accepts `_` for `.`). */
const SEPARATOR = /[._-]/;

/** The numeric parts of a version, trailing zeros dropped (Flyway treats `1.0` as `1`); undefined when not numeric. */
function numericParts(raw: string): bigint[] | undefined {
  const pieces = raw.split(SEPARATOR);
  if (pieces.some((p) => !/^\d+$/.test(p))) return undefined;
  const parts = pieces.map((p) => BigInt(p));
  while (parts.length > 1 && parts[parts.length - 1] === 0n) parts.pop();
  return parts;
}

/**
 * The identity of a version, so `0001` in a file name matches `1` in a history table and
 * `1_1` matches `1.1`. Non-numeric versions are their own key.
 */
export function versionKey(raw: string): string {
  const parts = numericParts(raw.trim());
  return parts ? parts.join('.') : raw.trim();
}

/** Orders versions numerically part by part; non-numeric versions sort after numeric ones, by text. */
export function compareVersions(a: string, b: string): number {
  const pa = numericParts(a.trim());
  const pb = numericParts(b.trim());
  if (!pa || !pb) {
    if (pa) return -1;
    if (pb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const length = Math.min(pa.length, pb.length);
  for (let i = 0; i < length; i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Whether a string is a version at all: digits in groups, separated by `.`, `_` or `-`. */
export function isVersion(raw: string): boolean {
  return numericParts(raw) !== undefined;
}
