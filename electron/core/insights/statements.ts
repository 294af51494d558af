import type pg from 'pg';
import type { StatementRow, StatementsStatus, StatementSort } from '../../../shared/contract/insights';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { iso } from '../db/catalog-read';
import { statementSql, statementsMajor } from './statement-sql';
import { deltaOf, type Counters, type Snapshot, type StatementSnapshots } from './statement-snapshots';

interface StatusRow {
  installed_version: string | null;
  extension_schema: string | null;
  available_version: string | null;
  library_loaded: boolean;
  preload_setting: string | null;
  track_io_timing: boolean;
  is_superuser: boolean;
}

/** Where the view lives and which column names it has; known once the status says "ready". */
export interface StatementsSource {
  schema: string;
  extMajor: number;
  extensionVersion: string;
  trackIoTiming: boolean;
}

export interface TopRow {
  userid: string;
  dbid: string;
  queryid: string;
  toplevel: boolean | null;
  role: string;
  database: string;
  query: string;
  calls: string;
  rows: string;
  total_exec_ms: number;
  mean_exec_ms: number;
  min_exec_ms: number;
  max_exec_ms: number;
  stddev_exec_ms: number;
  total_plan_ms: number;
  shared_blks_hit: string;
  shared_blks_read: string;
  temp_blks_written: string;
  io_read_ms: number;
  io_write_ms: number;
  stats_since: Date | null;
  minmax_stats_since: Date | null;
  is_console: boolean;
  hidden_console: string;
  scope_exec_ms: number | null;
}

interface CounterRow {
  userid: string;
  dbid: string;
  queryid: string;
  toplevel: boolean | null;
  calls: string;
  rows: string;
  total_exec_ms: number;
}

export function statementKey(row: { userid: string | number; dbid: string | number; queryid: string; toplevel: boolean | null }): string {
  return `${row.userid}:${row.dbid}:${row.queryid}:${row.toplevel === null ? '-' : row.toplevel ? 't' : 'f'}`;
}

export function parseStatementKey(key: string): { userid: string; dbid: string; queryid: string; toplevel: boolean | null } {
  const match = /^(\d+):(\d+):(-?\d+):([tf-])$/.exec(key);
  if (!match) throw new RpcError('BAD_REQUEST', `Not a statement key: ${key.slice(0, 80)}`);
  return { userid: match[1]!, dbid: match[2]!, queryid: match[3]!, toplevel: match[4] === '-' ? null : match[4] === 't' };
}

/** What is missing, in the order a DBA fixes it, with the exact steps. */
export function describeStatus(row: StatusRow): StatementsStatus {
  const preloaded = row.library_loaded || /(^|[\s,])"?pg_stat_statements"?($|[\s,])/.test(row.preload_setting ?? '');
  const base = {
    extensionVersion: row.installed_version,
    preloaded,
    trackIoTiming: row.track_io_timing,
    canCreate: false,
  };
  const ioStep = row.track_io_timing
    ? []
    : ['Optional: ALTER SYSTEM SET track_io_timing = on; SELECT pg_reload_conf(); — so I/O times are measured (not only block counts).'];
  const createStep = 'In this database, as a superuser: CREATE EXTENSION pg_stat_statements;';
  if (!row.available_version && !row.installed_version) {
    return {
      ...base,
      state: 'not-available',
      explanation:
        'pg_stat_statements is not installed on the server: its files (part of the contrib modules) are missing, so PostgreSQL cannot load it.',
      steps: [
        'Install the contrib modules for this server version (Debian/Ubuntu: the postgresql-NN package includes them; RHEL: postgresql-contrib; managed services: enable pg_stat_statements in the parameter group).',
        "Add it to shared_preload_libraries: ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'; (append to any existing entries).",
        'Restart the server (a reload is not enough for shared_preload_libraries).',
        createStep,
        ...ioStep,
      ],
    };
  }
  if (!preloaded) {
    return {
      ...base,
      state: 'not-preloaded',
      canCreate: !row.installed_version && row.is_superuser,
      explanation:
        'pg_stat_statements is not in shared_preload_libraries, so the server does not collect statement statistics. Creating the extension alone is not enough: the view would fail with "must be loaded via shared_preload_libraries".',
      steps: [
        `Add it to shared_preload_libraries: ALTER SYSTEM SET shared_preload_libraries = '${[row.preload_setting, 'pg_stat_statements'].filter(Boolean).join(', ')}';`,
        'Restart the server (a reload is not enough for shared_preload_libraries).',
        ...(row.installed_version ? [] : [createStep]),
        ...ioStep,
      ],
    };
  }
  if (!row.installed_version) {
    return {
      ...base,
      state: 'not-installed',
      canCreate: row.is_superuser,
      explanation: row.is_superuser
        ? 'The server collects statement statistics, but the pg_stat_statements view is not created in this database yet. The console can create it now.'
        : 'The server collects statement statistics, but the pg_stat_statements view is not created in this database yet, and only a superuser may create it.',
      steps: [createStep, ...ioStep],
    };
  }
  return { ...base, state: 'ready', explanation: 'pg_stat_statements is collecting statistics.', steps: ioStep };
}

export async function readStatementsStatus(client: pg.ClientBase): Promise<{ status: StatementsStatus; source?: StatementsSource }> {
  const { rows } = await client.query<StatusRow>(statementSql.status);
  const row = rows[0]!;
  const status = describeStatus(row);
  if (status.state !== 'ready' || !row.extension_schema || !row.installed_version) return { status };
  return {
    status,
    source: {
      schema: row.extension_schema,
      extMajor: statementsMajor(row.installed_version),
      extensionVersion: row.installed_version,
      trackIoTiming: row.track_io_timing,
    },
  };
}

/** Makes the extension's schema the one unqualified names resolve to, for this transaction only. */
export async function useExtensionSchema(client: pg.ClientBase, schema: string): Promise<void> {
  await client.query(
    `SELECT /* ticketz-console */ pg_catalog.set_config('search_path', pg_catalog.quote_ident($1) || ', pg_catalog', true)`,
    [schema],
  );
}

/** Throws a clear error when the view cannot be read; returns where it is otherwise. */
export async function requireStatements(client: pg.ClientBase): Promise<StatementsSource> {
  const { status, source } = await readStatementsStatus(client);
  if (!source) throw new RpcError('UNAVAILABLE', `${status.explanation} Steps: ${status.steps.join(' ')}`);
  await useExtensionSchema(client, source.schema);
  return source;
}

export function toStatementRow(row: TopRow, delta: StatementRow['delta']): StatementRow {
  const scope = row.scope_exec_ms ?? 0;
  return {
    key: statementKey(row),
    queryid: row.queryid,
    role: row.role,
    database: row.database,
    query: row.query,
    toplevel: row.toplevel,
    calls: row.calls,
    rows: row.rows,
    totalExecMs: row.total_exec_ms,
    meanExecMs: row.mean_exec_ms,
    minExecMs: row.min_exec_ms,
    maxExecMs: row.max_exec_ms,
    stddevExecMs: row.stddev_exec_ms,
    totalPlanMs: row.total_plan_ms,
    sharedBlksHit: row.shared_blks_hit,
    sharedBlksRead: row.shared_blks_read,
    tempBlksWritten: row.temp_blks_written,
    ioReadMs: row.io_read_ms,
    ioWriteMs: row.io_write_ms,
    shareOfTotal: scope > 0 ? row.total_exec_ms / scope : 0,
    statsSince: iso(row.stats_since),
    minmaxStatsSince: iso(row.minmax_stats_since),
    delta,
  };
}

export interface ListInput {
  sort: StatementSort;
  limit: number;
  includeConsole: boolean;
  allDatabases: boolean;
  deltaWindowSeconds: number;
}

export async function listStatements(
  client: pg.ClientBase,
  source: StatementsSource,
  input: ListInput,
  snapshots: { store: StatementSnapshots; scope: string; now?: number },
) {
  const { rows } = await client.query<TopRow>(statementSql.top(source.extMajor), [
    input.allDatabases,
    input.includeConsole,
    input.sort,
    input.limit,
  ]);
  const { rows: counterRows } = await client.query<CounterRow>(statementSql.counters(source.extMajor), [input.allDatabases]);
  const { rows: info } = await client.query<{ stats_reset: Date | null }>(statementSql.info(source.extMajor));
  const current: Snapshot = {
    at: snapshots.now ?? Date.now(),
    counters: new Map(
      counterRows.map((r): [string, Counters] => [
        statementKey(r),
        { calls: BigInt(r.calls), rows: BigInt(r.rows), totalExecMs: r.total_exec_ms },
      ]),
    ),
  };
  const baseline = snapshots.store.observe(`${snapshots.scope}\u0000${input.allDatabases}`, current, input.deltaWindowSeconds * 1000);
  return {
    rows: rows.map((r) => {
      const key = statementKey(r);
      const now = current.counters.get(key) ?? { calls: BigInt(r.calls), rows: BigInt(r.rows), totalExecMs: r.total_exec_ms };
      return toStatementRow(r, baseline ? deltaOf(now, baseline.counters.get(key)) : null);
    }),
    hiddenConsoleStatements: input.includeConsole ? 0 : Number(rows[0]?.hidden_console ?? 0),
    deltaSince: baseline ? new Date(baseline.at).toISOString() : null,
    statsReset: iso(info[0]?.stats_reset),
    extensionVersion: source.extensionVersion,
    trackIoTiming: source.trackIoTiming,
  };
}

export async function statementDetail(client: pg.ClientBase, key: string) {
  const id = parseStatementKey(key);
  const { rows } = await client.query<Record<string, unknown>>(statementSql.detail, [id.userid, id.dbid, id.queryid]);
  const row = rows.find((r) => id.toplevel === null || !('toplevel' in r) || r.toplevel === id.toplevel);
  if (!row)
    throw new RpcError('NOT_FOUND', 'That statement is no longer in pg_stat_statements (it was reset or evicted). Refresh the list.');
  const query = String(row.query ?? '');
  const fields = Object.entries(row)
    .filter(([name]) => name !== 'query')
    .map(([name, value]) => ({
      name,
      value: value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : String(value),
    }));
  return { query, fields };
}

/** Resets this database's statements (dbid scoped), or one statement; returns the reset time on 1.11+. */
export async function resetStatements(client: pg.ClientBase, source: StatementsSource, key: string | undefined, minmaxOnly: boolean) {
  if (minmaxOnly && source.extMajor < 17)
    throw new RpcError(
      'BAD_REQUEST',
      `Resetting only min/max times needs pg_stat_statements 1.11 (PostgreSQL 17); this database has ${source.extensionVersion}.`,
    );
  const id = key ? parseStatementKey(key) : undefined;
  const params = [id?.userid ?? '0', id?.dbid ?? null, id?.queryid ?? '0'];
  const { rows } = await client.query<{ reset_at: Date | null }>(
    statementSql.reset(source.extMajor),
    source.extMajor >= 17 ? [...params, minmaxOnly] : params,
  );
  return { resetAt: iso(rows[0]?.reset_at) };
}
