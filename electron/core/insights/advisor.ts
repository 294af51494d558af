import type { Finding, MigrationDraft } from '../../../shared/contract/insights';
import { formatBytes } from '../../../shared/domain/format';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { iso, type CatalogQuery } from '../db/catalog-read';
import duplicatesSql from '../sql/indexes/duplicates.sql?raw';
import fkSql from '../sql/indexes/fk-without-index.sql?raw';
import invalidSql from '../sql/indexes/invalid.sql?raw';
import seqScanSql from '../sql/indexes/seq-scan-heavy.sql?raw';
import statsResetSql from '../sql/indexes/stats-reset.sql?raw';
import unusedSql from '../sql/indexes/unused.sql?raw';
import uuidSql from '../sql/indexes/uuid-as-text.sql?raw';
import { draftAddFkIndex, draftDropIndex, draftRebuildInvalid, draftUuidColumn } from './migration-drafts';

/** Below this many rows a sequential scan is usually the right plan (pghero uses 10,000). */
export const SEQ_SCAN_MIN_ROWS = 10_000;
/** Tables from this size on make a missing FK index a warning rather than a note. */
const FK_WARNING_ROWS = 10_000;

export interface Advice {
  finding: Finding;
  draft?: MigrationDraft;
}

function advice(finding: Omit<Finding, 'hasDraft'>, draft?: MigrationDraft): Advice {
  return { finding: { ...finding, hasDraft: draft !== undefined }, ...(draft ? { draft } : {}) };
}

/** Every finding of every kind, with its migration draft where one makes sense. */
export async function adviseIndexes(query: CatalogQuery): Promise<{ advice: Advice[]; statsReset: string | null }> {
  const out: Advice[] = [];
  // Independent questions, asked side by side on separate pooled sessions.
  const [reset, fks, unused, duplicates, invalid, seqScans, uuids] = await Promise.all([
    query<{ stats_reset: Date | null }>(statsResetSql),
    query<FkRow>(fkSql),
    query<IndexRow>(unusedSql),
    query<DuplicateRow>(duplicatesSql),
    query<IndexRow>(invalidSql),
    query<SeqRow>(seqScanSql, [SEQ_SCAN_MIN_ROWS]),
    query<UuidRow>(uuidSql),
  ]);
  const statsReset = iso(reset[0]?.stats_reset);
  const since = statsReset ? `since statistics were reset (${statsReset})` : 'since statistics began (never reset)';

  for (const r of fks) {
    const id = `fk-without-index:${r.constraint_oid}`;
    const rows = Number(r.table_rows);
    out.push(
      advice(
        {
          id,
          kind: 'fk-without-index',
          severity: rows >= FK_WARNING_ROWS ? 'warning' : 'info',
          schema: r.schema,
          table: r.table_name,
          object: r.constraint_name,
          title: `Foreign key ${r.constraint_name} (${r.columns.join(', ')}) has no index`,
          why: `Each DELETE or key UPDATE on ${r.referenced_schema}.${r.referenced_table} must find the referencing rows in ${r.schema}.${r.table_name}; without an index on (${r.columns.join(', ')}) that is a full scan of ${formatBytes(r.table_bytes)} per row changed, holding locks meanwhile. Joins on the key lack it too.`,
          bytes: r.table_bytes,
          facts: [
            { label: 'references', value: `${r.referenced_schema}.${r.referenced_table}` },
            { label: 'columns', value: r.columns.join(', ') },
            { label: 'table rows (estimate)', value: String(rows) },
            ...(r.partitioned ? [{ label: 'partitioned', value: 'an index on the parent is created on every partition' }] : []),
          ],
        },
        r.partitioned ? undefined : draftAddFkIndex(id, r.schema, r.table_name, r.columns),
      ),
    );
  }

  for (const r of unused) {
    const id = `unused-index:${r.index_oid}`;
    out.push(
      advice(
        {
          id,
          kind: 'unused-index',
          severity: Number(r.bytes) >= 100 * 1024 * 1024 ? 'warning' : 'info',
          schema: r.schema,
          table: r.table_name,
          object: r.index_name,
          title: `Index ${r.index_name} has not been used ${since}`,
          why: `No query has scanned it ${since}, yet every INSERT and most UPDATEs on ${r.schema}.${r.table_name} maintain it, and it takes ${formatBytes(r.bytes)} of disk and cache. It enforces nothing (not unique, no constraint).`,
          bytes: r.bytes,
          facts: [{ label: 'definition', value: r.definition }],
        },
        draftDropIndex(id, r.schema, r.index_name, r.definition, `Unused ${since}: no scans recorded on this server.`, r.partitioned),
      ),
    );
  }

  for (const r of duplicates) {
    const id = `duplicate-index:${r.index_oid}:${r.covering_oid}`;
    out.push(
      advice(
        {
          id,
          kind: 'duplicate-index',
          severity: 'warning',
          schema: r.schema,
          table: r.table_name,
          object: r.index_name,
          title: r.exact
            ? `Index ${r.index_name} duplicates ${r.covering_name}`
            : `Index ${r.index_name} is a prefix of ${r.covering_name}`,
          why: r.exact
            ? `${r.covering_name} has the same columns, so queries can use it instead; ${r.index_name} only costs writes and ${formatBytes(r.bytes)}.`
            : `${r.covering_name} starts with the same columns, so it serves the same lookups (a little larger per entry); ${r.index_name} only costs writes and ${formatBytes(r.bytes)}.`,
          bytes: r.bytes,
          facts: [
            { label: 'definition', value: r.definition },
            { label: 'covered by', value: r.covering_definition },
          ],
        },
        draftDropIndex(
          id,
          r.schema,
          r.index_name,
          r.definition,
          `${r.exact ? 'Duplicate of' : 'Redundant prefix of'} ${r.covering_name}.`,
          r.partitioned,
        ),
      ),
    );
  }

  for (const r of invalid) {
    const id = `invalid-index:${r.index_oid}`;
    out.push(
      advice(
        {
          id,
          kind: 'invalid-index',
          severity: 'critical',
          schema: r.schema,
          table: r.table_name,
          object: r.index_name,
          title: `Index ${r.index_name} is INVALID`,
          why: `A CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY failed or was cancelled. Queries never use an invalid index, but writes still maintain it${r.is_unique ? ' and, being unique, it still rejects duplicates' : ''}.`,
          bytes: r.bytes,
          facts: [{ label: 'definition', value: r.definition }],
        },
        draftRebuildInvalid(id, r.schema, r.index_name, r.definition),
      ),
    );
  }

  for (const r of seqScans) {
    out.push(
      advice({
        id: `seq-scan-heavy:${r.table_oid}`,
        kind: 'seq-scan-heavy',
        severity: 'warning',
        schema: r.schema,
        table: r.table_name,
        object: r.table_name,
        title: `${r.schema}.${r.table_name} is read mostly by sequential scans`,
        why: `Only ${((r.index_share ?? 0) * 100).toFixed(1)} % of scans on this ${r.live_rows}-row table use an index (target ≥ 95 %). Find the queries in Slow queries and EXPLAIN them: a filter or join column probably lacks an index.`,
        bytes: r.bytes,
        facts: [
          { label: 'sequential scans', value: r.seq_scan },
          { label: 'rows read by them', value: r.seq_tup_read },
          { label: 'index scans', value: r.idx_scan },
        ],
      }),
    );
  }

  for (const r of uuids) {
    const id = `uuid-as-text:${r.table_oid}:${r.attnum}`;
    out.push(
      advice(
        {
          id,
          kind: 'uuid-as-text',
          severity: 'info',
          schema: r.schema,
          table: r.table_name,
          object: r.column_name,
          title: `${r.table_name}.${r.column_name} stores UUIDs as ${r.column_type}`,
          why: `Every sampled value is a UUID. As uuid it takes 16 bytes instead of about ${r.avg_width}, compares bytes instead of applying collation rules (faster joins and indexes), and rejects malformed values.`,
          bytes: r.table_bytes,
          facts: [
            { label: 'type', value: r.column_type },
            { label: 'average width (bytes)', value: String(r.avg_width) },
          ],
        },
        draftUuidColumn(id, r.schema, r.table_name, r.column_name, r.column_type),
      ),
    );
  }
  return { advice: out, statsReset };
}

export async function draftFor(query: CatalogQuery, findingId: string): Promise<MigrationDraft> {
  const { advice: all } = await adviseIndexes(query);
  const hit = all.find((a) => a.finding.id === findingId);
  if (!hit) throw new RpcError('NOT_FOUND', 'That finding no longer applies (the index or constraint changed). Refresh the index advisor.');
  if (!hit.draft)
    throw new RpcError('BAD_REQUEST', `No migration can be drafted for “${hit.finding.title}”: it needs a person to choose the fix.`);
  return hit.draft;
}

interface FkRow {
  constraint_oid: string;
  constraint_name: string;
  schema: string;
  table_name: string;
  referenced_schema: string;
  referenced_table: string;
  columns: string[];
  table_bytes: string;
  table_rows: string;
  partitioned: boolean;
}
interface IndexRow {
  index_oid: string;
  schema: string;
  table_name: string;
  index_name: string;
  bytes: string;
  definition: string;
  is_unique?: boolean;
  partitioned?: boolean;
}
interface DuplicateRow extends IndexRow {
  covering_oid: string;
  covering_name: string;
  covering_definition: string;
  exact: boolean;
}
interface SeqRow {
  table_oid: string;
  schema: string;
  table_name: string;
  seq_scan: string;
  seq_tup_read: string;
  idx_scan: string;
  live_rows: string;
  bytes: string;
  index_share: number | null;
}
interface UuidRow {
  table_oid: string;
  attnum: number;
  schema: string;
  table_name: string;
  column_name: string;
  column_type: string;
  not_null: boolean;
  avg_width: number;
  table_bytes: string;
}
