import { beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { useCoreFixture } from '../testing/core-fixture';

// Pool of 4: up to 3 tabs in Manual mode, one session always left for the rest of the console.
const env = useCoreFixture('txn', { poolSize: 4 });
let runs = 0;

beforeAll(async () => {
  await env.db.pool.query('CREATE TABLE scratch (id int PRIMARY KEY, note text)');
});

type RunInput = Partial<InputOf<'query.run'>>;
const run = (sessionId: string | undefined, sql: string, extra: RunInput = {}): Promise<OutputOf<'query.run'>> =>
  env.call('query.run', {
    connectionId: env.id,
    runId: `txn-${++runs}-${Date.now()}`,
    sql,
    scope: 'all',
    ...(sessionId ? { sessionId } : {}),
    ...extra,
  });
const open = async () => (await env.call('query.openSession', { connectionId: env.id })).sessionId;
const state = (sessionId: string) => env.call('query.sessionState', { connectionId: env.id, sessionId });
const commit = (sessionId: string) => env.call('query.commit', { connectionId: env.id, sessionId });
const rollback = (sessionId: string) => env.call('query.rollback', { connectionId: env.id, sessionId });
const close = (sessionId: string) => env.call('query.closeSession', { connectionId: env.id, sessionId });
const rowsOf = (result: OutputOf<'query.run'>, i = 0) => result.statements[i]?.result?.rows ?? [];
/** What a session outside the console sees (committed data only). */
const committed = async (where: string) =>
  (await env.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM scratch WHERE ${where}`)).rows[0]!.n;
const auditEntries = async (action: string) => (await env.call('audit.list', { connectionId: env.id, action })).entries;
/** Backends of the console on this database in a given state. */
const backendsIn = async (state: string) =>
  (
    await env.db.pool.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ticketz-console' AND state = $1",
      [state],
    )
  ).rows.map((r) => r.pid);

async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in 10 s');
}

describe('Manual mode (pinned sessions)', () => {
  it('keeps one transaction across runs: its writes are visible to it, to others only after Commit', async () => {
    const s = await open();
    expect(await state(s)).toMatchObject({ status: 'idle', statements: 0, wrote: false, busy: false });
    const first = await run(s, "INSERT INTO scratch VALUES (1, 'one')");
    expect(first.statements[0]).toMatchObject({ command: 'INSERT', rowsAffected: 1, error: null });
    expect(first.session).toMatchObject({ status: 'transaction', statements: 1, wrote: true, readOnly: false });
    expect(first.session?.since).not.toBeNull();
    const second = await run(s, 'SELECT note FROM scratch WHERE id = 1');
    expect(rowsOf(second)).toEqual([['one']]);
    expect(second.session).toMatchObject({ status: 'transaction', statements: 2 });
    // The same transaction: now() did not move between the runs.
    const [a, b] = [await run(s, 'SELECT now()::text'), await run(s, 'SELECT now()::text')];
    expect(rowsOf(a)).toEqual(rowsOf(b));
    // Another session (and an auto-commit run of the console) does not see it yet.
    expect(await committed('id = 1')).toBe(0);
    expect(rowsOf(await run(undefined, 'SELECT count(*) FROM scratch WHERE id = 1'))).toEqual([['0']]);

    const done = await commit(s);
    expect(done.message).toMatch(/Committed 4 statements/);
    expect(done.state).toMatchObject({ status: 'idle', statements: 0, wrote: false });
    expect(await committed('id = 1')).toBe(1);
    const [entry] = await auditEntries('query.commit');
    expect(entry).toMatchObject({ outcome: 'succeeded', target: 'SQL editor transaction' });
    expect(entry?.detail).toMatch(/^COMMIT \(COMMIT button\) of a transaction of 4 statements .*INSERT INTO scratch VALUES \(1, 'one'\)/);
    const { entries } = await env.call('query.history', { connectionId: env.id, search: 'COMMIT' });
    expect(entries[0]).toMatchObject({ sql: 'COMMIT', outcome: 'succeeded' });
    await close(s);
  });

  it('Rollback undoes the transaction; a read-only transaction is not audited', async () => {
    const s = await open();
    await run(s, "INSERT INTO scratch VALUES (2, 'two'); UPDATE scratch SET note = 'changed' WHERE id = 1");
    expect(rowsOf(await run(s, 'SELECT note FROM scratch ORDER BY id'))).toEqual([['changed'], ['two']]);
    const before = (await auditEntries('query.rollback')).length;
    const undone = await rollback(s);
    expect(undone.message).toMatch(/Rolled back 3 statements: their changes are undone/);
    expect(undone.state.status).toBe('idle');
    expect(rowsOf(await run(s, 'SELECT note FROM scratch ORDER BY id'))).toEqual([['one']]);
    expect(await auditEntries('query.rollback')).toHaveLength(before + 1);
    // That SELECT opened a transaction that wrote nothing: its end is not an audit entry.
    expect((await rollback(s)).message).toMatch(/nothing had changed/);
    expect(await auditEntries('query.rollback')).toHaveLength(before + 1);
    expect((await rollback(s)).message).toMatch(/No transaction is open/);
    await close(s);
  });

  it('a failed statement fails the transaction; Commit is refused, Rollback recovers', async () => {
    const s = await open();
    await run(s, "INSERT INTO scratch VALUES (3, 'three')");
    const failed = await run(s, "INSERT INTO scratch VALUES (3, 'again')");
    expect(failed.statements[0]?.error?.pg?.sqlstate).toBe('23505');
    expect(failed.session).toMatchObject({ status: 'failed', wrote: true });
    const ignored = await run(s, 'SELECT 1');
    expect(ignored.statements[0]?.error?.pg?.sqlstate).toBe('25P02');
    await expect(commit(s)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Roll back to continue/) });
    expect((await state(s)).status).toBe('failed');
    expect((await rollback(s)).state.status).toBe('idle');
    expect(rowsOf(await run(s, 'SELECT count(*) FROM scratch WHERE id = 3'))).toEqual([['0']]);
    await rollback(s);
    await close(s);
  });

  it('handles BEGIN, COMMIT and ROLLBACK typed in the script; a typed COMMIT that wrote is audited', async () => {
    const s = await open();
    const before = (await auditEntries('query.commit')).length;
    const typed = await run(s, "BEGIN; INSERT INTO scratch VALUES (4, 'four'); COMMIT; INSERT INTO scratch VALUES (5, 'five')");
    expect(typed.statements.map((st) => st.error)).toEqual([null, null, null, null]);
    // COMMIT made row 4 permanent; the statement after it opened a new transaction (implicitly).
    expect(await committed('id = 4')).toBe(1);
    expect(await committed('id = 5')).toBe(0);
    expect(typed.session).toMatchObject({ status: 'transaction', statements: 1, wrote: true });
    const entries = await auditEntries('query.commit');
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]?.detail).toMatch(/typed in the editor.*1 statement/);
    const typedRollback = await run(s, 'ROLLBACK');
    expect(typedRollback.session?.status).toBe('idle');
    expect(await committed('id = 5')).toBe(0);
    // ROLLBACK with nothing open: PostgreSQL's warning, no implicit BEGIN before it.
    const nothing = await run(s, 'ROLLBACK');
    expect(nothing.statements[0]?.notices.join()).toMatch(/no transaction in progress/);
    expect(nothing.session?.status).toBe('idle');
    await close(s);
  });

  it('read-only Manual mode opens BEGIN READ ONLY and refuses a typed BEGIN', async () => {
    const s = await open();
    const read = await run(s, 'SELECT count(*) FROM scratch', { readOnly: true });
    expect(read.session).toMatchObject({ status: 'transaction', readOnly: true });
    const refused = await run(s, "INSERT INTO scratch VALUES (6, 'six')", { readOnly: true });
    expect(refused.statements[0]?.error?.code).toBe('READ_ONLY');
    await rollback(s);
    const begin = await run(s, 'BEGIN; SELECT 1', { readOnly: true });
    expect(begin.statements[0]?.error?.message).toMatch(/BEGIN refused; nothing was run/);
    // A read-write transaction cannot be continued in read-only mode.
    await run(s, 'SELECT 1');
    await expect(run(s, 'SELECT 2', { readOnly: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await close(s);
  });

  it('runs VACUUM outside a transaction when none is open and refuses it inside one', async () => {
    const s = await open();
    const alone = await run(s, 'VACUUM scratch');
    expect(alone.statements[0]?.error).toBeNull();
    expect(alone.session?.status).toBe('idle');
    await run(s, 'SELECT 1');
    const inside = await run(s, 'VACUUM scratch');
    expect(inside.statements[0]?.error?.message).toMatch(
      /VACUUM cannot run inside a transaction block, and this tab has a transaction open/,
    );
    // Refused before it was sent: the transaction is intact.
    expect(inside.session?.status).toBe('transaction');
    await close(s);
  });

  it('refuses a second operation while a run is busy, and Esc cancels the pinned session’s statement', async () => {
    const s = await open();
    const runId = `busy-${Date.now()}`;
    const slow = env.call('query.run', { connectionId: env.id, runId, sql: 'SELECT pg_sleep(30)', scope: 'all', sessionId: s });
    await waitFor(
      () => state(s),
      (st) => st.busy,
    );
    await waitFor(
      () => env.db.pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'"),
      (r) => r.rows[0].n > 0,
    );
    const concurrent = await Promise.allSettled([run(s, 'SELECT 1'), commit(s), rollback(s)]);
    for (const outcome of concurrent) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/busy \(a run\)/),
      });
    }
    expect(await env.call('query.cancel', { connectionId: env.id, runId })).toEqual({ cancelled: true });
    const cancelled = await slow;
    expect(cancelled.statements[0]?.error?.code).toBe('CANCELLED');
    expect(cancelled.session?.status).toBe('failed');
    expect((await rollback(s)).state.status).toBe('idle');
    await close(s);
  });

  it('streams a large result through a cursor on the pinned session; the next run closes it and the transaction goes on', async () => {
    const s = await open();
    await run(s, "INSERT INTO scratch VALUES (7, 'seven')");
    const big = await run(s, 'SELECT g FROM generate_series(1, 2000) g', { pageSize: 100 });
    const resultSetId = big.statements[0]!.result!.id!;
    expect(big.statements[0]?.result?.hasMore).toBe(true);
    expect(big.session?.status).toBe('transaction');
    const more = await env.call('query.fetchMore', { connectionId: env.id, resultSetId, count: 100 });
    expect(more.rows[0]).toEqual(['101']);
    // Commit and runs wait for nothing: the open cursor is closed first (its session must move on).
    expect(rowsOf(await run(s, 'SELECT note FROM scratch WHERE id = 7'))).toEqual([['seven']]);
    await expect(env.call('query.fetchMore', { connectionId: env.id, resultSetId, count: 10 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const again = await run(s, 'SELECT g FROM generate_series(1, 2000) g', { pageSize: 100 });
    expect((await commit(s)).state.status).toBe('idle');
    await expect(
      env.call('query.fetchMore', { connectionId: env.id, resultSetId: again.statements[0]!.result!.id!, count: 10 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await committed('id = 7')).toBe(1);
    await close(s);
  });

  it('caps pinned sessions at pool size − 1 with a clear error, also when tabs ask at once', async () => {
    const asked = await Promise.allSettled(Array.from({ length: 5 }, () => open()));
    const pinned = asked.filter((a) => a.status === 'fulfilled').map((a) => (a as PromiseFulfilledResult<string>).value);
    const refused = asked.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason as Error);
    expect(pinned).toHaveLength(3);
    expect(refused).toHaveLength(2);
    for (const err of refused)
      expect(err).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/No session to spare.*4 sessions and 3/) });
    // The free session still serves everything else.
    expect(rowsOf(await run(undefined, 'SELECT 1'))).toEqual([['1']]);
    await close(pinned[0]!);
    const another = await open();
    await Promise.all([...pinned.slice(1), another].map(close));
  });

  it('closing a session rolls back its transaction and tells the tab', async () => {
    const s = await open();
    await run(s, "INSERT INTO scratch VALUES (8, 'eight')");
    expect(await close(s)).toEqual({ closed: true, rolledBack: true });
    expect(await committed('id = 8')).toBe(0);
    expect(await state(s)).toMatchObject({ status: 'closed', reason: expect.stringMatching(/rolled back/) });
    await expect(run(s, 'SELECT 1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await auditEntries('query.rollback'))[0]?.detail).toMatch(/tab closed or mode switched/);
    expect(await state('00000000-0000-4000-8000-000000000000')).toMatchObject({
      status: 'closed',
      reason: expect.stringMatching(/no longer open/),
    });
  });

  it('disconnecting (closing the pool) rolls back open transactions', async () => {
    const s = await open();
    await run(s, "INSERT INTO scratch VALUES (9, 'nine')");
    expect(await backendsIn('idle in transaction')).toHaveLength(1);
    await env.call('connections.disconnect', { id: env.id });
    expect(await committed('id = 9')).toBe(0);
    expect(await backendsIn('idle in transaction')).toHaveLength(0);
    expect(await state(s)).toMatchObject({ status: 'closed', reason: expect.stringMatching(/connection was closed.*rolled back/) });
  });

  it('a tab closing its session while the connection is being closed: both succeed, the transaction is rolled back', async () => {
    const sessions = await Promise.all([open(), open()]);
    await Promise.all(sessions.map((s, i) => run(s, `INSERT INTO scratch VALUES (${20 + i}, 'racing')`)));
    const outcomes = await Promise.allSettled([
      ...sessions.map(close),
      env.call('connections.disconnect', { id: env.id }),
      ...sessions.map(close),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('fulfilled'));
    expect(await committed("note = 'racing'")).toBe(0);
    expect(await backendsIn('idle in transaction')).toHaveLength(0);
    for (const s of sessions) expect((await state(s)).status).toBe('closed');
  });

  it('reports a session terminated on the server as rolled back by the server, and the next session works', async () => {
    const s = await open();
    await run(s, "INSERT INTO scratch VALUES (10, 'ten')");
    const [pid] = await backendsIn('idle in transaction');
    await env.db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    const gone = await waitFor(
      () => state(s),
      (st) => st.status === 'closed',
    );
    expect(gone.reason).toMatch(/ended on the server \(terminating connection due to administrator command\).*rolled back by the server/);
    await expect(run(s, 'SELECT 1')).rejects.toMatchObject({ message: expect.stringMatching(/rolled back by the server/) });
    expect(await committed('id = 10')).toBe(0);

    // Terminated in the middle of a run: the run reports it, the tab starts fresh.
    const t = await open();
    const slow = run(t, "INSERT INTO scratch VALUES (11, 'eleven'); SELECT pg_sleep(30)");
    const [busy] = await waitFor(
      () => backendsIn('active').then((pids) => pids),
      (pids) => pids.length > 0,
    );
    await env.db.pool.query('SELECT pg_terminate_backend($1)', [busy]);
    const result = await slow;
    expect(result.statements[1]?.error).not.toBeNull();
    expect(result.session).toMatchObject({ status: 'closed', reason: expect.stringMatching(/rolled back by the server/) });
    expect(result.warning).toMatch(/rolled back by the server/);
    expect(await committed('id = 11')).toBe(0);
    const fresh = await open();
    expect(rowsOf(await run(fresh, 'SELECT 42'))).toEqual([['42']]);
    await close(fresh);
  });
});
