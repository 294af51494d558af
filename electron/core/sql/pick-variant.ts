/**
 * Version variants of one question: `top.sql` (key 0, the oldest form) and `top.v17.sql`
 * (key 17) … The highest variant not above the server's major version wins — pgAdmin's
 * fallback idea without its folder trees.
 */
export type SqlVariants = Readonly<Record<number, string>>;

export function pickVariant(variants: SqlVariants, serverMajor: number): string {
  let best: number | undefined;
  for (const key of Object.keys(variants).map(Number)) {
    if (!Number.isInteger(key) || key < 0) throw new Error(`Bad SQL variant key: ${key}`);
    if (key <= serverMajor && (best === undefined || key > best)) best = key;
  }
  if (best === undefined) throw new Error(`No SQL variant for PostgreSQL ${serverMajor}; variants: ${Object.keys(variants).join(', ')}`);
  return variants[best]!;
}

/** server_version_num → major: 170004 → 17 (9.x servers all read as 9; none is supported). */
export function majorOf(serverVersionNum: number): number {
  return Math.floor(serverVersionNum / 10_000);
}
