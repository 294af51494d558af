import type pg from 'pg';
import type { Matview } from '../../../shared/contract/matviews';
import type { LastEntry } from '../audit/audit-log';
import { quoteQualified } from '../../../shared/domain/quote-ident';
import dependenciesSql from '../sql/matviews/dependencies.sql?raw';
import listSql from '../sql/matviews/list.sql?raw';
import { matviewInputs, type Edge } from './graph';

interface ListRow {
  oid: string;
  schema: string;
  name: string;
  owner: string;
  bytes: string;
  populated: boolean;
  definition: string;
  unique_indexes: string[];
  concurrent_indexes: string[];
}

interface DepRow {
  view_oid: string;
  ref_oid: string;
  ref_schema: string;
  ref_name: string;
  ref_relkind: string;
}

const KIND: Record<string, string> = { r: 'table', p: 'partitioned table', v: 'view', m: 'materialized view', f: 'foreign table' };

/** Why REFRESH … CONCURRENTLY would be refused, in words (null when it is accepted). */
export function concurrentlyBlocker(populated: boolean, uniqueIndexes: string[], concurrentIndexes: string[]): string | null {
  if (!populated) return 'It is not populated yet: the first refresh must be a plain one (REFRESH without CONCURRENTLY).';
  if (concurrentIndexes.length > 0) return null;
  if (uniqueIndexes.length > 0)
    return `Its unique index${uniqueIndexes.length > 1 ? 'es' : ''} (${uniqueIndexes.join(', ')}) use${uniqueIndexes.length > 1 ? '' : 's'} an expression or a WHERE clause, or ${uniqueIndexes.length > 1 ? 'are' : 'is'} invalid; CONCURRENTLY needs a unique index on plain columns covering all rows.`;
  return 'It has no unique index. CONCURRENTLY needs one on plain columns covering all rows (no expression, no WHERE).';
}

export interface MatviewCatalog {
  matviews: Matview[];
  /** oid → materialized views it reads (directly or through plain views). */
  inputs: Map<number, Set<number>>;
}

export async function readMatviews(client: pg.ClientBase, lastRefresh: Map<string, LastEntry>): Promise<MatviewCatalog> {
  const { rows } = await client.query<ListRow>(listSql);
  const { rows: deps } = await client.query<DepRow>(dependenciesSql);
  const oids = new Set(rows.map((r) => Number(r.oid)));
  const edges: Edge[] = deps.map((d) => ({ viewOid: Number(d.view_oid), refOid: Number(d.ref_oid) }));
  const inputs = matviewInputs(oids, edges);
  const byOid = new Map(rows.map((r) => [Number(r.oid), r]));
  const matviews = rows.map((r): Matview => {
    const oid = Number(r.oid);
    const blocker = concurrentlyBlocker(r.populated, r.unique_indexes, r.concurrent_indexes);
    const dependents = [...inputs.entries()]
      .filter(([, reads]) => reads.has(oid))
      .map(([other]) => byOid.get(other)!)
      .map((m) => ({ schema: m.schema, name: m.name, kind: 'materialized view' }));
    return {
      oid,
      schema: r.schema,
      name: r.name,
      owner: r.owner,
      bytes: r.bytes,
      populated: r.populated,
      canRefreshConcurrently: blocker === null,
      concurrentlyBlocker: blocker,
      uniqueIndexes: r.unique_indexes,
      dependsOn: deps
        .filter((d) => Number(d.view_oid) === oid)
        .map((d) => ({ schema: d.ref_schema, name: d.ref_name, kind: KIND[d.ref_relkind] ?? d.ref_relkind })),
      dependents,
      lastRefresh: lastRefresh.get(quoteQualified(r.schema, r.name)) ?? null,
      definition: r.definition,
    };
  });
  return { matviews, inputs };
}
