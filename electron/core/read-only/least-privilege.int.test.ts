import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('leastpriv');
const role = `support_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');

beforeAll(async () => {
  await env.db.pool.query(`CREATE SCHEMA shop; CREATE TABLE shop.items (id int PRIMARY KEY); INSERT INTO shop.items VALUES (1), (2)`);
});
afterAll(async () => {
  // Roles belong to the cluster, not to the test database.
  await env.db.pool.query(`DROP OWNED BY ${role}`).catch(() => undefined);
  await env.db.pool.query(`DROP ROLE IF EXISTS ${role}`);
});

const fieldsFor = (user: string, readOnly: boolean) => ({
  name: 'x',
  host: env.db.host,
  port: env.db.port,
  database: env.db.name,
  user,
  sslmode: 'disable' as const,
  readOnly,
});

describe('least privilege', () => {
  it('the connection test says a superuser can write whatever the profile says', async () => {
    const info = await env.call('connections.test', { fields: fieldsFor(env.db.user, true), password: env.db.password });
    expect(info.roleWrites).toMatchObject({ canWrite: true, canCreateRoles: true });
    expect(info.roleWrites?.reasons).toContain('superuser');
  });

  it('creates a read-only role and profile that the database itself keeps from writing', async () => {
    const { profile, statements } = await env.call('connections.createReadOnlyRole', {
      connectionId: env.id,
      role,
      password,
      profileName: 'Support (read-only role)',
    });
    expect(profile).toMatchObject({ user: role, readOnly: true, name: 'Support (read-only role)' });
    expect(statements.join('\n')).not.toContain(password);
    expect(statements[0]).toMatch(/^CREATE ROLE .* LOGIN PASSWORD …$/);

    const info = await env.call('connections.test', { id: profile.id, fields: fieldsFor(role, true) });
    expect(info.roleWrites).toEqual({ canWrite: false, reasons: [], canCreateRoles: false });

    const read = await env.call('query.run', {
      connectionId: profile.id,
      runId: 'least-privilege-read',
      sql: 'SELECT count(*) FROM shop.items',
      scope: 'all',
    });
    expect(read.statements[0]?.result?.rows).toEqual([['2']]);

    // Straight to the server, without the console: the role cannot write, even after switching read-only off.
    const direct = new pg.Client({ host: env.db.host, port: env.db.port, database: env.db.name, user: role, password });
    await direct.connect();
    try {
      await direct.query('SET default_transaction_read_only = off');
      await expect(direct.query('INSERT INTO shop.items VALUES (3)')).rejects.toMatchObject({ code: '42501' });
      await expect(direct.query('CREATE TABLE shop.x (a int)')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await direct.end();
    }
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'role.createReadOnly' });
    expect(audit.entries[0]).toMatchObject({ target: role, outcome: 'succeeded' });
  });

  it('is refused on a read-only profile', async () => {
    const ro = await env.direct.addProfile(env.db, { name: 'ro', readOnly: true });
    await expect(
      env.call('connections.createReadOnlyRole', { connectionId: ro, role: `${role}_b`, password, profileName: 'n' }),
    ).rejects.toMatchObject({ code: 'READ_ONLY' });
  });
});
