import { quoteIdent } from '../../../shared/domain/quote-ident';
import type pg from 'pg';
import type { MigrationsStatus } from '../../../shared/contract/migrations';
import deleteHistorySql from '../sql/migrations/delete-history.sql?raw';
import ensureHistorySql from '../sql/migrations/ensure-history.sql?raw';
import flywayHistorySql from '../sql/migrations/flyway-history.sql?raw';
import flywayTablesSql from '../sql/migrations/flyway-tables.sql?raw';
import historyExistsSql from '../sql/migrations/history-exists.sql?raw';
import historySql from '../sql/migrations/history.sql?raw';
import insertHistorySql from '../sql/migrations/insert-history.sql?raw';
import invalidIndexesSql from '../sql/migrations/invalid-indexes.sql?raw';
import { readProgress, type MigrationProgress } from './progress';
import type { FlywayRow, HistoryRow } from './types';

/** What the database says: our history, Flyway's, and indexes a failed CONCURRENTLY build left. */
export interface DatabaseState {
  historyTable: boolean;
  history: HistoryRow[];
  flyway: FlywayRow[];
  invalidIndexes: MigrationsStatus['invalidIndexes'];
  /** Migrations stopped half-way (statement-level records). */
  progress: MigrationProgress[];
}

interface HistoryDbRow {
  version: string;
  name: string;
  checksum: string;
  down_checksum: string | null;
  applied_at: Date;
  applied_role: string;
  applied_os_user: string;
  duration_ms: number;
}

interface FlywayDbRow {
  installed_rank: number;
  version: string | null;
  description: string;
  type: string;
  script: string;
  checksum: number | null;
  installed_by: string;
  installed_on: Date;
  execution_time: number;
  success: boolean;
}

/** Catalog reads never hang behind a migration's lock: short timeouts, read-only, one snapshot. */
const READ_TIMEOUTS = "SET LOCAL statement_timeout = '10s'; SET LOCAL lock_timeout = '2s'";

export async function readDatabaseState(client: pg.ClientBase): Promise<DatabaseState> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await client.query(READ_TIMEOUTS);
    const state = await readStateInTransaction(client);
    await client.query('COMMIT');
    return state;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function readStateInTransaction(client: pg.ClientBase): Promise<DatabaseState> {
  const historyTable = (await client.query<{ present: boolean }>(historyExistsSql)).rows[0]?.present === true;
  const history = historyTable ? await readHistory(client) : [];
  const flyway: FlywayRow[] = [];
  for (const { schema } of (await client.query<{ schema: string }>(flywayTablesSql)).rows) {
    const { rows } = await client.query<FlywayDbRow>(flywayHistorySql.replace('$schema.flyway_schema_history', `${quoteIdent(schema)}.flyway_schema_history`));
    flyway.push(
      ...rows.map((r) => ({
        installedRank: r.installed_rank,
        version: r.version,
        description: r.description,
        type: r.type,
        script: r.script,
        checksum: r.checksum,
        installedBy: r.installed_by,
        installedOn: r.installed_on,
        executionTimeMs: r.execution_time,
        success: r.success,
      })),
    );
  }
  const invalidIndexes = (await client.query<MigrationsStatus['invalidIndexes'][number]>(invalidIndexesSql)).rows;
  const progress = await readProgress(client);
  return { historyTable, history, flyway, invalidIndexes, progress };
}

export async function readHistory(client: pg.ClientBase): Promise<HistoryRow[]> {
  const { rows } = await client.query<HistoryDbRow>(historySql);
  return rows.map((r) => ({
    version: r.version,
    name: r.name,
    checksum: r.checksum,
    downChecksum: r.down_checksum,
    appliedAt: r.applied_at,
    appliedRole: r.applied_role,
    appliedOsUser: r.applied_os_user,
    durationMs: r.duration_ms,
  }));
}

/** Creates the history table on first use; callers hold the applier lock, so two never race. */
export async function ensureHistoryTable(client: pg.ClientBase): Promise<void> {
  await client.query(ensureHistorySql);
}

export async function insertHistory(
  client: pg.ClientBase,
  row: { version: string; name: string; checksum: string; downChecksum: string | null; osUser: string; durationMs: number },
): Promise<void> {
  await client.query(insertHistorySql, [row.version, row.name, row.checksum, row.downChecksum, row.osUser, row.durationMs]);
}

export async function deleteHistory(client: pg.ClientBase, version: string): Promise<void> {
  await client.query(deleteHistorySql, [version]);
}
