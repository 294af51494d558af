import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/contract/query-session';
import { startHttpHost, type HttpHost } from '../http/server';
import { useCoreFixture } from '../testing/core-fixture';

/**
 * A browser tab in Manual mode takes a LOCK TABLE and goes away (closed, crashed): its event
 * stream closes, and the console rolls the transaction back and frees the lock within seconds,
 * not after the 10-minute idle limit. A LOCK TABLE alone changes no row, and still counts.
 */
const env = useCoreFixture('pinned_page_gone');
let host: HttpHost;

beforeAll(async () => {
  await env.db.pool.query('CREATE TABLE guarded (id int)');
  host = await startHttpHost({ dispatch: env.direct.core.dispatch, events: env.direct.core.events, pages: env.direct.core.deps.pages });
});
afterAll(async () => {
  await host?.close();
});

function page(id: string) {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, 'X-Ticketz-Page': id };
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${host.origin}/rpc`, { method: 'POST', headers, body: JSON.stringify({ method, input }) });
    const envelope = (await res.json()) as { ok: boolean; value: T; error?: unknown };
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.value;
  };
  const stream = new AbortController();
  const events = fetch(`${host.origin}/events`, { headers, signal: stream.signal }).then(async (res) => {
    await res.body!.getReader().read(); // ": connected"
  });
  return { call, events, close: () => stream.abort() };
}

async function lockHolders(): Promise<number[]> {
  const { rows } = await env.db.pool.query<{ pid: number }>(
    "SELECT l.pid FROM pg_locks AS l WHERE l.relation = 'guarded'::regclass AND l.mode = 'AccessExclusiveLock' AND l.granted",
  );
  return rows.map((r) => r.pid);
}

async function lockTable(tab: ReturnType<typeof page>, runId: string): Promise<SessionState> {
  await tab.events;
  const session = await tab.call<SessionState>('query.openSession', { connectionId: env.id });
  const run = await tab.call<{ session: SessionState }>('query.run', {
    connectionId: env.id,
    runId,
    sql: 'LOCK TABLE guarded IN ACCESS EXCLUSIVE MODE',
    scope: 'all',
    sessionId: session.sessionId,
  });
  // holding a lock is holding state: the console treats the transaction as one that changed something
  expect(run.session).toMatchObject({ status: 'transaction', wrote: true });
  return session;
}

describe('a Manual-mode tab that goes away', () => {
  it('has its transaction rolled back and its LOCK TABLE released within 30 s; other tabs keep theirs', async () => {
    const gone = page('page-gone-0001');
    const session = await lockTable(gone, 'run-page-gone-1');
    expect(await lockHolders()).toHaveLength(1);

    gone.close();
    const closedAt = Date.now();
    while ((await lockHolders()).length > 0) {
      expect(Date.now() - closedAt).toBeLessThan(30_000);
      await new Promise((r) => setTimeout(r, 200));
    }
    const other = page('page-stays-0002');
    const state = await other.call<SessionState>('query.sessionState', { connectionId: env.id, sessionId: session.sessionId });
    expect(state).toMatchObject({ status: 'closed', reason: expect.stringContaining('went away') });
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'query.rollback' });
    expect(audit.entries[0]?.detail).toContain('its browser tab or window went away');

    // a tab whose stream is still open keeps its session and lock
    const kept = await lockTable(other, 'run-page-stays-1');
    await new Promise((r) => setTimeout(r, 6_000)); // longer than the reconnect grace
    expect(await lockHolders()).toHaveLength(1);
    expect((await other.call<SessionState>('query.sessionState', { connectionId: env.id, sessionId: kept.sessionId })).status).toBe(
      'transaction',
    );
    await other.call('query.closeSession', { connectionId: env.id, sessionId: kept.sessionId });
    other.close();
    expect(await lockHolders()).toEqual([]);
  }, 60_000);
});
