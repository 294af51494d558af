import { describe, expect, it } from 'vitest';
import { buildSessions, type RawWait } from './activity';

const session = (pid: number, over: Record<string, unknown> = {}) => ({
  pid,
  database: 'db',
  role: 'r',
  application: 'psql',
  client: '127.0.0.1:5000',
  backend_type: 'client backend',
  state: 'active',
  wait_event_type: null,
  wait_event: null,
  backend_start: new Date(0),
  xact_start: null,
  query_start: null,
  state_change: null,
  duration_ms: '10',
  xact_ms: null,
  query: 'select 1',
  is_self: false,
  ...over,
});

describe('buildSessions', () => {
  it('marks blocked and blocking sessions from lock waits', () => {
    const waits: RawWait[] = [{ pid: 2, locktype: 'relation', mode: 'AccessExclusiveLock', object: 'public.t', blocked_by: [1] }];
    const rows = buildSessions([session(1, { state: 'idle in transaction' }), session(2)], waits, 60_000);
    expect(rows[0]!.flags).toEqual(['idle-in-transaction', 'blocking']);
    expect(rows[1]!.flags).toEqual(['blocked']);
    expect(rows[1]!.blockedBy).toEqual([1]);
    expect(rows[1]!.waitingFor).toBe('AccessExclusiveLock on public.t');
  });

  it('flags long-running active queries but never the console’s own probe', () => {
    const rows = buildSessions(
      [session(1, { duration_ms: 120_000 }), session(2, { duration_ms: 120_000, is_self: true }), session(3, { duration_ms: 5 })],
      [],
      60_000,
    );
    expect(rows.map((r) => r.flags)).toEqual([['long-running'], [], []]);
  });

  it('recognises the console by application name or marker', () => {
    const rows = buildSessions(
      [session(1, { application: 'ticketz-console' }), session(2, { query: '/* ticketz-console */ SELECT 1' }), session(3)],
      [],
      1,
    );
    expect(rows.map((r) => r.isConsole)).toEqual([true, true, false]);
  });
});
