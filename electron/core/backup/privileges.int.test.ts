import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDebianPostgres, type DebianPostgres } from '../testing/debian-postgres';
import { assertCanCreateDatabase, MissingPrivilege } from './connect';

let server: DebianPostgres;
beforeAll(async () => {
  server = await startDebianPostgres(15, 'ticketz-backup-privileges');
  const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  await admin.query(`CREATE ROLE plain LOGIN PASSWORD 'plain'`);
  await admin.query(`CREATE ROLE creator LOGIN CREATEDB PASSWORD 'creator'`);
  await admin.end();
}, 120_000);
afterAll(async () => server?.stop());

const as = async (user: string, readOnly: boolean, fn: (c: pg.Client) => Promise<void>) => {
  const c = new pg.Client({
    host: '127.0.0.1',
    port: server.port,
    user,
    password: user,
    database: 'postgres',
    options: readOnly ? '-c default_transaction_read_only=on' : undefined,
  });
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
};

it('names CREATEDB for a role without it, read-only for a read-only profile, and passes a role that may create', async () => {
  await as('plain', false, async (c) => {
    await expect(assertCanCreateDatabase(c, 'Verify')).rejects.toThrow(/role "plain" needs CREATEDB/);
  });
  await as('creator', true, async (c) => {
    const err = await assertCanCreateDatabase(c, 'Rehearsal').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingPrivilege);
    expect(String(err)).toMatch(/read-only \(default_transaction_read_only is on\)/);
    expect(String(err)).not.toMatch(/CREATEDB/);
  });
  await as('creator', false, async (c) => {
    await expect(assertCanCreateDatabase(c, 'Restore')).resolves.toBeUndefined();
  });
}, 60_000);
