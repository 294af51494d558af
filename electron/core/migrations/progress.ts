import type pg from 'pg';
import deleteSql from '../sql/migrations/progress-delete.sql?raw';
import ensureSql from '../sql/migrations/ensure-progress.sql?raw';
import existsSql from '../sql/migrations/progress-exists.sql?raw';
import readSql from '../sql/migrations/progress.sql?raw';
import upsertSql from '../sql/migrations/progress-upsert.sql?raw';

/**
 * Statement-level records of a migration that does not run in one transaction (golang-migrate's
 * `dirty` flag, with detail): which statements committed, and which one was sent when the applier
 * stopped. Written before and after each statement outside a transaction, and inside the
 * transaction of each transactional stretch, so the record never claims more than committed.
 */
export interface MigrationProgress {
  version: string;
  name: string;
  checksum: string;
  statements: number;
  /** Statements 1..completed committed. */
  completed: number;
  /** Sent, outcome not recorded: it may or may not have taken effect (killed mid-statement). */
  running: number | null;
  startedAt: Date;
  updatedAt: Date;
  lastError: string | null;
}

interface ProgressRow {
  version: string;
  name: string;
  checksum: string;
  statements: number;
  completed: number;
  running: number | null;
  started_at: Date;
  updated_at: Date;
  last_error: string | null;
}

export async function ensureProgressTable(client: pg.ClientBase): Promise<void> {
  await client.query(ensureSql);
}

export async function readProgress(client: pg.ClientBase): Promise<MigrationProgress[]> {
  if (!(await client.query<{ present: boolean }>(existsSql)).rows[0]?.present) return [];
  const { rows } = await client.query<ProgressRow>(readSql);
  return rows.map((r) => ({
    version: r.version,
    name: r.name,
    checksum: r.checksum,
    statements: r.statements,
    completed: r.completed,
    running: r.running,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    lastError: r.last_error,
  }));
}

export async function writeProgress(
  client: pg.ClientBase,
  p: Pick<MigrationProgress, 'version' | 'name' | 'checksum' | 'statements' | 'completed' | 'running'> & { lastError?: string | null },
): Promise<void> {
  await client.query(upsertSql, [p.version, p.name, p.checksum, p.statements, p.completed, p.running, p.lastError ?? null]);
}

export async function clearProgress(client: pg.ClientBase, version: string): Promise<void> {
  await client.query(deleteSql, [version]);
}

/** "statements 1–3 of 5 committed; statement 4 was running when the applier stopped" */
export function describeProgress(p: Pick<MigrationProgress, 'statements' | 'completed' | 'running' | 'lastError'>): string {
  const done = p.completed === 0 ? 'no statement committed' : `statements 1–${p.completed} of ${p.statements} committed`;
  const running = p.running !== null ? `; statement ${p.running} was running when the applier stopped (it may or may not have taken effect)` : '';
  const failed = p.lastError ? `; it failed: ${p.lastError}` : '';
  return `${done}${running}${failed}`;
}
