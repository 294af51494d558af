import type pg from 'pg';
import type { BloatRow } from '../../../shared/contract/insights';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { iso, type CatalogQuery } from '../db/catalog-read';
import { quoteQualified as q } from '../../../shared/domain/quote-ident';
import btreeTemplate from '../sql/bloat/btree-indexes.sql?raw';
import columnStatsViewSql from '../sql/bloat/column-stats-view.sql?raw';
import columnStatsSql from '../sql/bloat/column-stats.sql?raw';
import exactIndexSql from '../sql/bloat/exact-index.sql?raw';
import exactApproxSql from '../sql/bloat/exact-table-approx.sql?raw';
import exactTableSql from '../sql/bloat/exact-table.sql?raw';
import extensionsSql from '../sql/bloat/extensions.sql?raw';
import tablesTemplate from '../sql/bloat/tables.sql?raw';
import { withCte } from '../sql/with-cte';
import { useExtensionSchema } from './statements';

export const BLOAT_CAVEATS = [
  'These are estimates from the planner’s statistics (pg_stats, relpages, reltuples) as of the last VACUUM/ANALYZE; no table was read. Run ANALYZE first for current figures.',
  'Tables never analyzed have no statistics and are left out; rows marked “unreliable” have columns without statistics or of type name.',
  'Wide values stored out of line (TOAST) and B-tree deduplication (PostgreSQL 13+) are modelled roughly: index waste on columns with many duplicates is under-estimated.',
  'A role sees statistics only for the columns it may read.',
  'For exact figures use “Exact” (pgstattuple / pgstatindex): it reads the whole relation, which is costly on large tables.',
];

/** Both estimates over one source of column statistics (see sql/bloat/column-stats*.sql). */
const estimatesOver = (columnStats: string) => ({
  tables: withCte(tablesTemplate, 'column_stats', columnStats),
  btree: withCte(btreeTemplate, 'column_stats', columnStats),
});
const ESTIMATES = { direct: estimatesOver(columnStatsSql), view: estimatesOver(columnStatsViewSql) };

interface ExtRow {
  pgstattuple_installed: boolean;
  pgstattuple_available: boolean;
  pg_repack_installed: boolean;
  pgstattuple_schema: string | null;
  can_read_pg_statistic: boolean;
}

interface TableRow {
  oid: string;
  schema: string;
  table_name: string;
  index_name?: string;
  real_bytes: string;
  wasted_bytes: string;
  wasted_ratio: number;
  fillfactor: number;
  unreliable: boolean;
  dead_tuples?: string | null;
  last_vacuum?: Date | null;
  last_autovacuum?: Date | null;
}

/** The fixes a DBA would try, mildest first, with what each costs. */
export function fixesFor(kind: 'table' | 'index', schema: string, table: string, index: string | null, repack: boolean): BloatRow['fixes'] {
  if (kind === 'index' && index) {
    const fixes: BloatRow['fixes'] = [
      {
        label: 'REINDEX CONCURRENTLY',
        sql: `REINDEX INDEX CONCURRENTLY ${q(schema, index)};`,
        note: 'Builds a fresh copy and swaps it in without blocking reads or writes (PostgreSQL 12+); needs free space for the new copy and cannot run in a transaction block.',
      },
    ];
    if (repack)
      fixes.push({
        label: 'pg_repack',
        sql: `pg_repack --index=${q(schema, index)}`,
        note: 'Online rebuild by the pg_repack client; brief locks only at the start and the end.',
      });
    return fixes;
  }
  const fixes: BloatRow['fixes'] = [
    {
      label: 'VACUUM (ANALYZE)',
      sql: `VACUUM (ANALYZE) ${q(schema, table)};`,
      note: 'Makes dead space reusable and refreshes statistics without blocking reads or writes; the file only shrinks when empty pages are at its end.',
    },
    {
      label: 'VACUUM FULL',
      sql: `VACUUM FULL ${q(schema, table)};`,
      note: 'Rewrites the table compactly and returns the space to the operating system, but holds an ACCESS EXCLUSIVE lock for the whole run (no reads or writes) and needs free disk space for a full copy.',
    },
  ];
  if (repack)
    fixes.push({
      label: 'pg_repack',
      sql: `pg_repack --table=${q(schema, table)}`,
      note: 'Rewrites the table online with the pg_repack client: brief ACCESS EXCLUSIVE locks only at the start and the end. The table needs a primary key or a unique index on NOT NULL columns.',
    });
  return fixes;
}

export async function readBloatExtensions(client: pg.ClientBase): Promise<ExtRow> {
  return (await client.query<ExtRow>(extensionsSql)).rows[0]!;
}

/** Tables and indexes are estimated side by side, each on its own pooled session. */
export async function estimateBloat(query: CatalogQuery, minWastedBytes: number, limit: number) {
  const [ext] = await query<ExtRow>(extensionsSql);
  if (!ext) throw new Error('extensions query returned no row');
  // pg_statistic directly when the role may (fast on big catalogs); the pg_stats view otherwise.
  const sql = ext.can_read_pg_statistic ? ESTIMATES.direct : ESTIMATES.view;
  const params = [minWastedBytes, limit];
  const [tables, indexes] = await Promise.all([query<TableRow>(sql.tables, params), query<TableRow>(sql.btree, params)]);
  const rows: BloatRow[] = [
    ...tables.map((r) => toRow('table', r, ext.pg_repack_installed)),
    ...indexes.map((r) => toRow('index', r, ext.pg_repack_installed)),
  ]
    .sort((a, b) => compareBig(b.wastedBytes, a.wastedBytes) || b.wastedRatio - a.wastedRatio)
    .slice(0, limit);
  return {
    rows,
    caveats: BLOAT_CAVEATS,
    pgstattupleInstalled: ext.pgstattuple_installed,
    pgstattupleAvailable: ext.pgstattuple_available,
    pgRepackInstalled: ext.pg_repack_installed,
  };
}

const compareBig = (a: string, b: string) => (BigInt(a) > BigInt(b) ? 1 : BigInt(a) < BigInt(b) ? -1 : 0);

function toRow(kind: 'table' | 'index', r: TableRow, repack: boolean): BloatRow {
  const index = kind === 'index' ? (r.index_name ?? null) : null;
  return {
    kind,
    oid: Number(r.oid),
    schema: r.schema,
    table: r.table_name,
    index,
    realBytes: r.real_bytes,
    wastedBytes: r.wasted_bytes,
    wastedRatio: r.wasted_ratio,
    fillfactor: r.fillfactor,
    unreliable: r.unreliable,
    deadTuples: r.dead_tuples ?? null,
    lastVacuum: iso(r.last_vacuum),
    lastAutovacuum: iso(r.last_autovacuum),
    fixes: fixesFor(kind, r.schema, r.table_name, index, repack),
  };
}

type ExactMethod = 'pgstattuple' | 'pgstattuple_approx' | 'pgstatindex';

/** Exact figures for one relation; reads it whole (pgstattuple_approx skips all-visible pages). */
export async function exactBloat(client: pg.ClientBase, oid: number, method: ExactMethod) {
  const ext = await readBloatExtensions(client);
  if (!ext.pgstattuple_installed || !ext.pgstattuple_schema)
    throw new RpcError(
      'UNAVAILABLE',
      ext.pgstattuple_available
        ? 'Exact bloat needs the pgstattuple extension in this database. Create it (Insights → Bloat offers it) or run: CREATE EXTENSION pgstattuple;'
        : 'Exact bloat needs the pgstattuple extension, which is not installed on this server (it ships with the contrib modules).',
    );
  await useExtensionSchema(client, ext.pgstattuple_schema);
  const sql = method === 'pgstatindex' ? exactIndexSql : method === 'pgstattuple_approx' ? exactApproxSql : exactTableSql;
  const { rows } = await client.query<Record<string, unknown>>(sql, [oid]);
  const row = rows[0] ?? {};
  const fields = Object.entries(row).map(([name, value]) => ({
    name,
    value: value === null || value === undefined ? null : String(value),
  }));
  return { method, fields, wastedRatio: wastedRatioOf(method, row) };
}

/** Free + dead space for tables (percentages in pgstattuple's output), 1 − leaf density for indexes. */
export function wastedRatioOf(method: ExactMethod, row: Record<string, unknown>): number | null {
  const pct = (k: string) => (row[k] === null || row[k] === undefined ? null : Number(row[k]));
  if (method === 'pgstatindex') {
    const density = pct('avg_leaf_density');
    return density === null || Number.isNaN(density) ? null : Math.max(0, 1 - density / 100);
  }
  const free = pct(method === 'pgstattuple' ? 'free_percent' : 'approx_free_percent');
  const dead = pct('dead_tuple_percent');
  return free === null || dead === null ? null : (free + dead) / 100;
}
