import type { Role } from '../lib/role-store';

/** Each role's pages first, in its order; every other page follows in the DBA order. */
export const roleFirst: Record<Role, string[]> = {
  dba: [],
  support: ['/orders', '/tickets', '/events'],
  organizer: ['/events', '/tickets', '/chain', '/orders'],
};

export function orderForRole<R extends { path: string }>(routes: readonly R[], role: Role | undefined): R[] {
  const first = role ? roleFirst[role] : [];
  const rank = (r: R) => (first.includes(r.path) ? first.indexOf(r.path) : first.length + routes.indexOf(r));
  return [...routes].sort((a, b) => rank(a) - rank(b));
}
