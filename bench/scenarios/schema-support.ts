import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import { RpcError } from '../../shared/rpc/rpc-error';
import { createCore, type Core } from '../../electron/core/create-core';
import type { BenchContext, BenchDatabase } from '../harness';

/**
 * What the schema and query scenarios share: the product's core (as browser mode runs it: no
 * output validation) with a profile for one bench database, and the synthetic catalogs.
 */
export interface BenchCore {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  connectionId: string;
  core: Core;
  dispose(): Promise<void>;
}

export async function benchCore(ctx: BenchContext, db: BenchDatabase): Promise<BenchCore> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-bench-core-'));
  const core = createCore({ dataDir, host: 'direct', validateOutput: false });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const envelope = await core.dispatch(method, input, { host: 'direct' });
    if (!envelope.ok) throw RpcError.fromBody(envelope.error);
    return envelope.value as OutputOf<M>;
  };
  const { server } = ctx;
  const profile = await call('connections.save', {
    fields: {
      name: 'bench',
      host: server.host,
      port: server.port,
      database: db.name,
      user: server.user,
      sslmode: 'disable',
      statementTimeoutMs: 0,
    },
    password: server.password,
  });
  await call('connections.connect', { id: profile.id });
  return {
    call,
    connectionId: profile.id,
    core,
    async dispose() {
      await core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `count` tables of 20 columns (a bigint key and 19 text columns) in schema `big`, in batches. */
export async function createWideCatalog(ctx: BenchContext, db: BenchDatabase, count: number): Promise<void> {
  const columns = Array.from({ length: 19 }, (_, i) => `c${i} text`).join(', ');
  await db.pool.query('CREATE SCHEMA big');
  const batch = 250;
  for (let from = 0; from < count; from += batch) {
    const to = Math.min(count, from + batch) - 1;
    await db.pool.query(
      `DO $$ BEGIN FOR i IN ${from}..${to} LOOP EXECUTE format('CREATE TABLE big.t_%s (id bigint PRIMARY KEY, ${columns})', i); END LOOP; END $$`,
    );
    if ((to + 1) % 2500 === 0) ctx.log(`  created ${to + 1} of ${count} tables`);
  }
  await db.pool.query('ANALYZE');
}

/** One list-partitioned table with `count` partitions in schema `parts`. */
export async function createPartitionedCatalog(ctx: BenchContext, db: BenchDatabase, count: number): Promise<void> {
  await db.pool.query(
    'CREATE SCHEMA parts; CREATE TABLE parts.events (id bigint NOT NULL, k int NOT NULL, payload text, PRIMARY KEY (id, k)) PARTITION BY LIST (k)',
  );
  const batch = 500;
  for (let from = 0; from < count; from += batch) {
    const to = Math.min(count, from + batch) - 1;
    await db.pool.query(
      `DO $$ BEGIN FOR i IN ${from}..${to} LOOP EXECUTE format('CREATE TABLE parts.events_%s PARTITION OF parts.events FOR VALUES IN (%s)', i, i); END LOOP; END $$`,
    );
    if ((to + 1) % 2500 === 0) ctx.log(`  created ${to + 1} of ${count} partitions`);
  }
}
