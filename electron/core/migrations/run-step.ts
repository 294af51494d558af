import type pg from 'pg';
import type { PlanStep } from '../../../shared/contract/migrations';
import { isPgDatabaseError } from '../db/pg-errors';
import { lineColumnAt } from '../sql-parser/byte-offsets';
import type { SqlStatement } from '../sql-parser';
import invalidIndexesSql from '../sql/migrations/invalid-indexes.sql?raw';
import { fileLine } from './analyze';
import { copyFromData } from './copy-from-stdin';
import { MigrationError } from './errors';
import { deleteHistory, insertHistory } from './history';
import { clearProgress, writeProgress } from './progress';
import type { ApplierLock } from './lock';
import { toPlanStep, type PlannedStep } from './plan';

export interface RunSettings {
  /** lock_timeout for every statement (ms; 0 = wait forever). */
  lockTimeoutMs: number;
  /** statement_timeout for every statement (ms; 0 = none). */
  statementTimeoutMs: number;
  osUser: string;
}

export type StepEvent =
  | { type: 'step-start'; step: PlanStep; index: number; total: number }
  | { type: 'statement'; step: PlanStep; index: number; total: number; statement: number; statements: number; line: number; summary: string; outsideTransaction: boolean }
  | { type: 'step-done'; step: PlanStep; index: number; total: number; durationMs: number };

/**
 * The session settings of a migration. `set_config(…, is_local)` is SET LOCAL inside a
 * transaction and SET outside one. client_connection_check_interval (PG 14+) makes the server
 * notice within a second that an applier was killed mid-statement, so its transaction rolls
 * back and its locks go, instead of lingering until the statement ends.
 */
const SESSION_SETTINGS = `SELECT pg_catalog.set_config('lock_timeout', $1, $3),
       pg_catalog.set_config('statement_timeout', $2, $3),
       CASE WHEN pg_catalog.current_setting('server_version_num')::int >= 140000
            THEN pg_catalog.set_config('client_connection_check_interval', '1000', $3) END`;

async function applySettings(client: pg.ClientBase, settings: RunSettings, local: boolean): Promise<void> {
  await client.query(SESSION_SETTINGS, [`${settings.lockTimeoutMs}ms`, `${settings.statementTimeoutMs}ms`, local]);
}

function summarize(statement: SqlStatement): string {
  const firstLine = statement.text.split('\n', 1)[0] ?? '';
  return firstLine.length > 100 ? `${firstLine.slice(0, 99)}…` : firstLine;
}

async function execute(client: pg.ClientBase, statement: SqlStatement): Promise<void> {
  if (statement.copyData !== undefined) await copyFromData(client, statement.text, statement.copyData);
  else await client.query(statement.text);
}

/**
 * Runs one migration. A script that may run in a transaction runs in exactly one, with its
 * history row written inside it: killed or failed, it leaves neither changes nor a row.
 * Statements that cannot run in a transaction run alone (the ones between them still share
 * transactions), and the history row is written only after the last statement succeeded.
 */
export async function runStep(
  client: pg.ClientBase,
  planned: PlannedStep,
  context: { settings: RunSettings; lock: ApplierLock; index: number; total: number; onEvent?: (event: StepEvent) => void },
): Promise<number> {
  const { settings, lock, index, total, onEvent } = context;
  const step = toPlanStep(planned);
  const { analysis } = planned;
  const segments = analysis.segments;
  const singleTransaction = segments.length > 0 && segments.every((s) => s.transactional);
  // Statement-level records for an up that commits in stretches (see progress.ts)
  const tracked = planned.direction === 'up' && !singleTransaction;
  const resumeFrom = planned.resumeFrom ?? 1;
  const total_ = analysis.statements.length;
  const m0 = planned.migration;
  const progress = (completed: number, running: number | null, lastError?: string) =>
    writeProgress(client, { version: m0.version, name: m0.name, checksum: m0.up.checksum, statements: total_, completed, running, lastError });
  const started = performance.now();
  const record = async () => {
    lock.assertHeld();
    if (planned.direction === 'up') {
      const m = planned.migration;
      if (tracked) await client.query('BEGIN');
      await insertHistory(client, {
        version: m.version,
        name: m.name,
        checksum: m.up.checksum,
        downChecksum: m.down?.checksum ?? null,
        osUser: settings.osUser,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      });
      if (tracked) {
        await clearProgress(client, m.version);
        await client.query('COMMIT');
      }
    } else await deleteHistory(client, planned.state.history!.version);
  };

  onEvent?.({ type: 'step-start', step, index, total });
  let current: SqlStatement | undefined;
  let committedBefore: SqlStatement | undefined;
  let n = 0;
  let completed = resumeFrom - 1;
  try {
    if (tracked) await progress(completed, null);
    for (const segment of segments) {
      // resuming: the stretches that committed before are skipped (progress ends on stretch boundaries)
      if (n + segment.statements.length < resumeFrom) {
        n += segment.statements.length;
        continue;
      }
      if (segment.transactional) await client.query('BEGIN');
      await applySettings(client, settings, segment.transactional);
      for (const statement of segment.statements) {
        current = statement;
        n++;
        onEvent?.({ type: 'statement', step, index, total, statement: n, statements: analysis.statements.length, line: fileLine(planned.script, statement), summary: summarize(statement), outsideTransaction: !segment.transactional });
        // outside a transaction: on disk before it is sent, so a crash shows it as "was running"
        if (tracked && !segment.transactional) await progress(completed, n);
        await execute(client, statement);
        if (tracked && !segment.transactional) await progress((completed = n), null);
      }
      current = undefined;
      if (segment.transactional) {
        if (singleTransaction) await record();
        if (tracked) await progress(n, null); // commits with the stretch itself
        lock.assertHeld();
        await client.query('COMMIT');
        completed = n;
      }
      committedBefore = segment.statements[segment.statements.length - 1];
    }
    if (!singleTransaction) await record();
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (tracked) {
      const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      // nothing committed: still pending (an INVALID index a failed CONCURRENTLY build left is
      // reported on its own, with its fix)
      const untouched = completed === 0;
      await (untouched ? clearProgress(client, m0.version) : progress(completed, null, message)).catch(() => undefined);
    }
    throw await explainFailure(client, planned, err, current, singleTransaction ? undefined : committedBefore);
  } finally {
    // Each migration starts from the connection's own settings, whatever the last one SET.
    await client.query('RESET ALL; RESET ROLE').catch(() => undefined);
  }
  const durationMs = performance.now() - started;
  onEvent?.({ type: 'step-done', step, index, total, durationMs });
  return durationMs;
}

/** A failure as a person can act on it: where in which file, what Postgres said, what is left behind. */
async function explainFailure(
  client: pg.ClientBase,
  planned: PlannedStep,
  err: unknown,
  statement: SqlStatement | undefined,
  committedBefore: SqlStatement | undefined,
): Promise<unknown> {
  if (err instanceof MigrationError) return err;
  if (!isPgDatabaseError(err)) return err;
  const script = planned.script;
  const what = `${planned.direction === 'up' ? 'Migration' : 'Rollback of'} ${planned.state.version} (${planned.state.name})`;
  let position = { file: script.file, line: script.firstLine, column: 1 };
  if (statement) {
    const offset = err.position ? statement.start + Number(err.position) - 1 : statement.start;
    const at = lineColumnAt(script.sql, offset);
    position = { file: script.file, line: at.line + script.firstLine - 1, column: at.column };
  }
  const lines = [`${what} failed at ${position.file}:${position.line}:${position.column}: ${err.message}`];
  if (err.detail) lines.push(`DETAIL: ${err.detail}`);
  if (err.hint) lines.push(`HINT: ${err.hint}`);
  if (err.where) lines.push(`CONTEXT: ${err.where}`);
  if (statement?.nonTransactional === undefined && !committedBefore)
    lines.push(planned.direction === 'up' ? 'Its transaction was rolled back: nothing of this migration was applied.' : 'Its transaction was rolled back: the migration is still applied.');
  else if (committedBefore)
    lines.push(
      planned.direction === 'up'
        ? `Statements up to ${script.file}:${fileLine(script, committedBefore)} ran outside a single transaction and stay committed: the migration is partly applied (see migrate status). ` +
            `Fix what failed, then resume from the first statement not done (migrate resume), or repair the database by hand and mark it repaired (migrate repair ${planned.state.version}).`
        : `Statements up to ${script.file}:${fileLine(script, committedBefore)} ran outside a single transaction and stay committed; the migration is not recorded as rolled back. ` +
            'Undo them or make the script safe to re-run (IF NOT EXISTS / IF EXISTS) before running it again.',
    );
  if (statement?.nonTransactional !== undefined) {
    const invalid = await client.query<{ schema: string; name: string; fix: string }>(invalidIndexesSql).catch(() => ({ rows: [] }));
    for (const index of invalid.rows)
      lines.push(`It left the INVALID index ${index.schema}.${index.name}. Fix: ${index.fix} then run the migration again.`);
  }
  const lockTimeout = err.code === '55P03';
  if (lockTimeout) lines.push('Another session held a lock this statement needed for longer than lock_timeout. Retry when it is idle (see Activity), or raise --lock-timeout.');
  return new MigrationError(lockTimeout ? 'lock_timeout' : 'sql', lines.join('\n'), {
    cause: err,
    position,
    statement: statement?.text,
    version: planned.state.version,
  });
}
