import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { createCore, type Core } from '../create-core';
import type { TestDatabase } from './test-database';

export interface DirectCore {
  core: Core;
  dataDir: string;
  /** Calls through the dispatcher (the direct transport), throwing RpcError on failure. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Saves a profile pointing at a test database and returns its id. */
  addProfile(db: TestDatabase, overrides?: Partial<InputOf<'connections.save'>['fields']>): Promise<string>;
  dispose(): Promise<void>;
}

/** A core in a temp data dir with output validation on, as integration tests use it. */
export function createDirectCore(options: { poolSize?: number } = {}): DirectCore {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-core-'));
  const core = createCore({ dataDir, host: 'direct', validateOutput: true, poolSize: options.poolSize });
  const call: DirectCore['call'] = async (method, input) => {
    const envelope = await core.dispatch(method, input, { host: 'direct' });
    if (!envelope.ok) throw RpcError.fromBody(envelope.error);
    return envelope.value as never;
  };
  return {
    core,
    dataDir,
    call,
    async addProfile(db, overrides = {}) {
      const saved = await call('connections.save', {
        fields: { name: db.name, host: db.host, port: db.port, database: db.name, user: db.user, sslmode: 'disable', ...overrides },
        password: db.password,
      });
      return saved.id;
    },
    async dispose() {
      await core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
