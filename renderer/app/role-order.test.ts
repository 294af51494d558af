import { describe, expect, it } from 'vitest';
import { orderForRole } from './role-order';

const routes = ['/schema', '/sql', '/tickets', '/orders', '/events', '/chain', '/connections'].map((path) => ({ path }));
const paths = (role: Parameters<typeof orderForRole>[1]) => orderForRole(routes, role).map((r) => r.path);

describe('orderForRole', () => {
  it('puts each role’s pages first and keeps every page reachable', () => {
    expect(paths('support')).toEqual(['/orders', '/tickets', '/events', '/schema', '/sql', '/chain', '/connections']);
    expect(paths('organizer')).toEqual(['/events', '/tickets', '/chain', '/orders', '/schema', '/sql', '/connections']);
    expect(paths('dba')).toEqual(routes.map((r) => r.path));
    expect(paths(undefined)).toEqual(routes.map((r) => r.path));
  });
});
