/**
 * The pages that work on the Ticketz schema, and the schema each one needs. On a database without
 * it (a plain PostgreSQL) they are grouped under "Ticketz" at the end of the navigation and shown
 * muted; they stay reachable, and each page explains what is missing.
 */
export const ticketzPages: Record<string, string> = {
  '/tickets': 'ticketing',
  '/orders': 'ticketing',
  '/events': 'ticketing',
  '/chain': 'chain',
};

export interface GroupedRoutes<R> {
  main: R[];
  /** Ticketz pages whose schema this database lacks; empty while the schemas are not known. */
  ticketz: R[];
}

/** `schemas` undefined (not loaded, or no connection): nothing is moved. */
export function groupTicketzPages<R extends { path: string }>(
  routes: readonly R[],
  schemas: readonly string[] | undefined,
): GroupedRoutes<R> {
  if (!schemas) return { main: [...routes], ticketz: [] };
  const missing = (r: R) => ticketzPages[r.path] !== undefined && !schemas.includes(ticketzPages[r.path]!);
  return { main: routes.filter((r) => !missing(r)), ticketz: routes.filter(missing) };
}
