import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

let db: TestDatabase;
let direct: DirectCore;

beforeAll(async () => {
  db = await createTestDatabase('conn');
  direct = createDirectCore();
});
afterAll(async () => {
  await direct.dispose();
  await db.drop();
});

describe('connections', () => {
  it('saves a profile without ever returning or storing the password in plain text', async () => {
    const id = await direct.addProfile(db);
    const { profiles } = await direct.call('connections.list', {});
    const saved = profiles.find((p) => p.id === id);
    expect(saved).toMatchObject({ hasPassword: true, host: db.host, database: db.name });
    expect(JSON.stringify(profiles)).not.toContain(db.password);
    const onDisk = readFileSync(path.join(direct.dataDir, 'connections.json'), 'utf8');
    expect(onDisk).not.toContain(db.password);
  });

  it('connects and reports the server, role and latency', async () => {
    const id = await direct.addProfile(db);
    const info = await direct.call('connections.connect', { id });
    expect(info.serverVersionNum).toBeGreaterThanOrEqual(130000);
    expect(info.database).toBe(db.name);
    expect(info.role).toBe(db.user);
    expect(info.latencyMs).toBeGreaterThan(0);
  });

  it('opens read-only sessions for a read-only profile', async () => {
    const id = await direct.addProfile(db, { readOnly: true, name: 'ro' });
    const info = await direct.call('connections.ping', { id });
    expect(info.readOnly).toBe(true);
  });

  it('explains a wrong password with the Postgres fields kept', async () => {
    const error = await direct
      .call('connections.test', {
        fields: { name: 'x', host: db.host, port: db.port, database: db.name, user: db.user, sslmode: 'disable' },
        password: 'definitely-wrong',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe('CONNECTION_FAILED');
    expect((error as RpcError).message).toMatch(/wrong password/i);
    expect((error as RpcError).pg?.sqlstate).toBe('28P01');
  });

  it('explains a missing database', async () => {
    const error = (await direct
      .call('connections.test', {
        fields: { name: 'x', host: db.host, port: db.port, database: 'no_such_db', user: db.user, sslmode: 'disable' },
        password: db.password,
      })
      .catch((e: unknown) => e)) as RpcError;
    expect(error.pg?.sqlstate).toBe('3D000');
    expect(error.message).toMatch(/does not exist/);
  });

  it('explains an unreachable host', async () => {
    const error = (await direct
      .call('connections.test', {
        fields: { name: 'x', host: '127.0.0.1', port: 1, database: 'x', user: 'x', sslmode: 'disable' },
        password: 'x',
      })
      .catch((e: unknown) => e)) as RpcError;
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.message).toMatch(/Nothing is listening/);
  });

  it('explains that the server has no SSL when SSL is required', async () => {
    const error = (await direct
      .call('connections.test', {
        fields: { name: 'x', host: db.host, port: db.port, database: db.name, user: db.user, sslmode: 'require' },
        password: db.password,
      })
      .catch((e: unknown) => e)) as RpcError;
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.message).toMatch(/does not offer SSL/);
  });

  it('falls back to plain text for sslmode=prefer on a server without SSL', async () => {
    const info = await direct.call('connections.test', {
      fields: { name: 'x', host: db.host, port: db.port, database: db.name, user: db.user, sslmode: 'prefer' },
      password: db.password,
    });
    expect(info.database).toBe(db.name);
  });

  it('deletes a profile and its secret', async () => {
    const id = await direct.addProfile(db, { name: 'to-delete' });
    expect(await direct.call('connections.delete', { id })).toEqual({ deleted: true });
    await expect(direct.call('connections.ping', { id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
