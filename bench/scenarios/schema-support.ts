import type pg from 'pg';
import type { BenchContext, BenchDatabase } from '../harness';
import { ConnectedPsql } from '../connected-psql';
import { HttpRpc } from '../http-rpc';
import { startServeProcess } from '../ops/serve-process';
import { catalogReadScript, recordStatements } from '../recorded-sql';

/**
 * What the schema and query scenarios share: `serve` in its own process with the bench database
 * saved as its connection, reached over HTTP as the renderer reaches it; the reference (one
 * connected psql); and the synthetic catalogs.
 */
export interface BenchServe {
  rpc: HttpRpc;
  connectionId: string;
  /** The serve process, to read its memory. */
  pid: number;
  psql: ConnectedPsql;
  stop(): Promise<void>;
}

export async function benchServe(ctx: BenchContext, db: BenchDatabase): Promise<BenchServe> {
  const serve = await startServeProcess(`${db.url}?sslmode=disable`, 5);
  const rpc = new HttpRpc(serve.origin, serve.token);
  const psql = new ConnectedPsql(ctx.server, db.name);
  await psql.run('SELECT 1;'); // connected before the first timed run, like serve's pool after its first request
  return {
    rpc,
    connectionId: serve.connectionId,
    pid: serve.pid,
    psql,
    async stop() {
      rpc.close();
      await psql.close();
      await serve.stop();
    },
  };
}

/** The psql script of the catalog reads that `reads` (product code) sends, one read transaction each. */
export async function referenceScript(db: BenchDatabase, reads: ((c: pg.ClientBase) => Promise<unknown>)[]): Promise<string> {
  const scripts: string[] = [];
  for (const read of reads) scripts.push(catalogReadScript(await recordStatements(db.pool, read)));
  return scripts.join('\n');
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
