import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('prodconfirm', { profile: { environment: 'production' } });
let bystander: pg.Client;
let bystanderPid: number;

beforeAll(async () => {
  await env.db.pool.query(
    `CREATE SCHEMA shop; CREATE TABLE shop.a (id int PRIMARY KEY); INSERT INTO shop.a VALUES (1); CREATE TABLE shop.b (id int)`,
  );
  bystander = new pg.Client({ connectionString: env.db.url });
  await bystander.connect();
  bystanderPid = (await bystander.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
});
afterAll(async () => {
  await bystander?.end().catch(() => undefined);
});

const exists = async (name: string) =>
  (await env.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE oid = to_regclass($1)`, [name])).rows[0]!.n === 1;
let runs = 0;
const run = (sql: string, confirmDatabase?: string) =>
  env.call('query.run', { connectionId: env.id, runId: `prod-confirm-${++runs}`, sql, scope: 'all', confirmDatabase });

describe('destructive actions on a production-labelled connection', () => {
  it('runs DROP/TRUNCATE from the editor only with the database name typed, and audits them', async () => {
    const refused = await run('SELECT 1; TRUNCATE shop.a; DROP TABLE shop.b');
    expect(refused.statements).toHaveLength(1);
    expect(refused.statements[0]).toMatchObject({ sql: 'TRUNCATE shop.a', error: { code: 'CONFIRMATION_REQUIRED' } });
    expect(refused.statements[0]?.error?.message).toContain(`“${env.db.name}”`);
    expect((await run('DROP TABLE shop.b', 'not-the-name')).statements[0]?.error?.code).toBe('CONFIRMATION_REQUIRED');
    expect(await exists('shop.b')).toBe(true);
    expect((await env.db.pool.query('SELECT count(*)::int AS n FROM shop.a')).rows[0].n).toBe(1);

    const confirmed = await run('DROP TABLE shop.b', env.db.name);
    expect(confirmed.statements[0]?.error).toBeNull();
    expect(await exists('shop.b')).toBe(false);
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'editor.destructive' });
    expect(audit.entries).toContainEqual(expect.objectContaining({ target: 'DROP', detail: 'DROP TABLE shop.b', outcome: 'succeeded' }));
    // A SELECT needs nothing typed.
    expect((await run('SELECT 1')).statements[0]?.error).toBeNull();
  });

  it('asks for the name before VACUUM FULL, plain REINDEX and terminate', async () => {
    const base = { connectionId: env.id, schema: 'shop', name: 'a' };
    await expect(env.call('maintenance.vacuum', { ...base, full: true })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    await expect(env.call('maintenance.reindex', { ...base, target: 'table', concurrently: false })).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
    });
    await expect(
      env.call('insights.signalSession', { connectionId: env.id, pid: bystanderPid, action: 'terminate' }),
    ).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
    });
    expect((await bystander.query('SELECT 1 AS alive')).rows).toEqual([{ alive: 1 }]);
    const done = await env.call('maintenance.vacuum', { ...base, full: true, confirmDatabase: env.db.name });
    expect(done.taskId).toBeTruthy();
    // Plain VACUUM and CONCURRENTLY need nothing typed.
    await expect(env.call('maintenance.vacuum', { ...base, full: false })).resolves.toBeTruthy();
  });
});
