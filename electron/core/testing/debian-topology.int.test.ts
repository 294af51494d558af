import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTopology, waitForReplay, type Topology } from './debian-topology';

let topology: Topology;
beforeAll(async () => {
  topology = await startTopology({ prefix: 'ticketz-topology' });
});
afterAll(async () => topology?.stop());

const one = async <T>(url: string, sql: string): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as T;
  } finally {
    await client.end();
  }
};

describe('the test topology', () => {
  it('is a PostgreSQL 15 primary with a streaming standby and PgBouncer in transaction mode', async () => {
    expect(
      await one(
        topology.primary.urlFor('postgres'),
        "SELECT pg_is_in_recovery() AS r, current_setting('server_version_num')::int / 10000 AS major",
      ),
    ).toEqual({ r: false, major: 15 });
    expect(await one(topology.standby.urlFor('postgres'), 'SELECT pg_is_in_recovery() AS r')).toEqual({ r: true });
    await one(topology.primary.urlFor('postgres'), 'CREATE TABLE topology_probe AS SELECT 42 AS answer');
    await waitForReplay(topology);
    expect(await one(topology.standby.urlFor('postgres'), 'SELECT answer FROM topology_probe')).toEqual({ answer: 42 });
    expect(await one(topology.bouncer.urlFor('postgres'), 'SELECT answer FROM topology_probe')).toEqual({ answer: 42 });
    const client = new pg.Client({ connectionString: topology.bouncer.urlFor('pgbouncer') });
    await client.connect();
    const { rows } = await client.query('SHOW CONFIG');
    await client.end();
    expect(rows.find((r: { key: string }) => r.key === 'pool_mode')?.value).toBe('transaction');
  });
});
