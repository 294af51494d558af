import { describe, expect, it } from 'vitest';
import { groupTicketzPages } from './ticketz-pages';

const routes = ['/schema', '/tickets', '/orders', '/events', '/chain', '/audit'].map((path) => ({ path }));
const paths = (rs: { path: string }[]) => rs.map((r) => r.path);

describe('groupTicketzPages', () => {
  it('moves the Ticketz pages whose schema is missing into their own group, keeping the order', () => {
    const g = groupTicketzPages(routes, ['public', 'pgbench']);
    expect(paths(g.main)).toEqual(['/schema', '/audit']);
    expect(paths(g.ticketz)).toEqual(['/tickets', '/orders', '/events', '/chain']);
  });
  it('keeps a page whose schema is there', () => {
    const g = groupTicketzPages(routes, ['public', 'chain']);
    expect(paths(g.main)).toEqual(['/schema', '/chain', '/audit']);
    expect(paths(g.ticketz)).toEqual(['/tickets', '/orders', '/events']);
  });
  it('moves nothing on a Ticketz database or while the schemas are unknown', () => {
    expect(paths(groupTicketzPages(routes, ['ticketing', 'chain']).main)).toEqual(paths(routes));
    expect(groupTicketzPages(routes, undefined).ticketz).toEqual([]);
  });
});
