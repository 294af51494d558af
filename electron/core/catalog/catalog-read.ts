import type pg from 'pg';
import { CATALOG_LIMITS, DATA_LIMITS, explainTimeout, withCatalogRead, type ReadOptions } from '../db/catalog-read';

export { CATALOG_LIMITS, DATA_LIMITS, explainTimeout };

export type ReadLimits = Required<Pick<ReadOptions, 'lockTimeoutMs' | 'statementTimeoutMs'>>;

/** A READ ONLY read bounded by `limits`: withCatalogRead, the one way the console reads (db/catalog-read.ts). */
export function readOnlyRead<T>(pool: pg.Pool, limits: ReadLimits, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withCatalogRead(pool, (client) => work(client), limits);
}
