import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('activity');
const clients: pg.Client[] = [];

async function session(name: string): Promise<{ client: pg.Client; pid: number }> {
  const client = new pg.Client({ connectionString: env.db.url, application_name: name });
  client.on('error', () => undefined); // terminated on purpose below
  await client.connect();
  clients.push(client);
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return { client, pid: rows[0]!.pid };
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

beforeAll(async () => {
  await env.db.pool.query('CREATE TABLE seats (id int PRIMARY KEY, holder text)');
  await env.db.pool.query('INSERT INTO seats VALUES (1, null)');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
});

const activity = () => env.call('insights.activity', { connectionId: env.id, longRunningMs: 200 });

describe('activity', () => {
  it('lists a long pg_sleep session, flags it, and cancels its query (audited)', async () => {
    const sleeper = await session('sleeper');
    const running = sleeper.client.query('SELECT pg_sleep(30)').then(
      () => null,
      (err: unknown) => err,
    );
    const seen = await until(activity, (a) => a.sessions.some((s) => s.pid === sleeper.pid && (s.durationMs ?? 0) > 250), 'the sleeper');
    const row = seen.sessions.find((s) => s.pid === sleeper.pid)!;
    expect(row).toMatchObject({
      application: 'sleeper',
      state: 'active',
      isConsole: false,
      waitEventType: 'Timeout',
      waitEvent: 'PgSleep',
    });
    expect(row.query).toContain('pg_sleep(30)');
    expect(row.flags).toContain('long-running');
    expect(seen.sessions.find((s) => s.isSelf)?.isConsole).toBe(true);

    await env.call('insights.signalSession', { connectionId: env.id, pid: sleeper.pid, action: 'cancel' });
    expect(await running).toMatchObject({ code: '57014' });
    const { rows } = await sleeper.client.query('SELECT 1 AS alive');
    expect(rows[0].alive).toBe(1); // cancel keeps the session
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'session.cancel' });
    expect(audit.entries[0]).toMatchObject({ outcome: 'succeeded' });
    expect(audit.entries[0]!.target).toContain(`pid ${sleeper.pid}`);
    expect(audit.entries[0]!.detail).toContain('pg_sleep(30)');
  });

  it('shows the blocking tree and terminates the blocker', async () => {
    const holder = await session('holder');
    const waiter = await session('waiter');
    await holder.client.query('BEGIN');
    await holder.client.query(`UPDATE seats SET holder = 'a' WHERE id = 1`);
    const waiting = waiter.client.query(`UPDATE seats SET holder = 'b' WHERE id = 1`);

    const seen = await until(
      activity,
      (a) => a.sessions.some((s) => s.pid === waiter.pid && s.blockedBy.includes(holder.pid)),
      'the lock wait',
    );
    const w = seen.sessions.find((s) => s.pid === waiter.pid)!;
    const h = seen.sessions.find((s) => s.pid === holder.pid)!;
    expect(w.flags).toContain('blocked');
    expect(w.waitingFor).toMatch(/ShareLock on transaction \d+/);
    expect(h.flags).toEqual(expect.arrayContaining(['idle-in-transaction', 'blocking']));

    await env.call('insights.signalSession', { connectionId: env.id, pid: holder.pid, action: 'terminate' });
    await waiting; // the lock is released when the holder's session ends
    await expect(holder.client.query('SELECT 1')).rejects.toThrow();
    const after = await activity();
    expect(after.sessions.some((s) => s.pid === holder.pid)).toBe(false);
    const { rows } = await env.db.pool.query('SELECT holder FROM seats WHERE id = 1');
    expect(rows[0].holder).toBe('b'); // the holder's change was rolled back
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'session.terminate' });
    expect(audit.entries[0]).toMatchObject({ outcome: 'succeeded' });
  });

  it('hides idle sessions when asked and reports a session that is gone', async () => {
    const idle = await session('idle-one');
    const withIdle = await activity();
    expect(withIdle.sessions.some((s) => s.pid === idle.pid && s.state === 'idle')).toBe(true);
    const withoutIdle = await env.call('insights.activity', { connectionId: env.id, includeIdle: false });
    expect(withoutIdle.sessions.some((s) => s.pid === idle.pid)).toBe(false);
    await expect(env.call('insights.signalSession', { connectionId: env.id, pid: 999_999, action: 'cancel' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
