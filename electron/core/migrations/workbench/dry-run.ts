import type pg from 'pg';
import type { DryRunReport, DryRunStatement, HeldLock } from '../../../../shared/contract/migration-workbench';
import type { SqlStatement } from '../../sql-parser';
import { fileLine } from '../analyze';
import { diffCatalogSnapshots, readCatalogSnapshot } from '../catalog-snapshot';
import { copyFromData } from '../copy-from-stdin';
import { discoverMigrations } from '../discover';
import { readDatabaseState } from '../history';
import { planUp } from '../plan';
import { analyzeAll, computeStates } from '../status';
import { toDifferenceRows } from './catalog-differences';
import { isOwnBookkeeping, lockKey, readHeldLocks } from './held-locks';

export interface DryRunOptions {
  dir: string;
  to?: string;
  lockTimeoutMs: number;
  statementTimeoutMs: number;
}

function summarize(statement: SqlStatement): string {
  const text = statement.text.replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Runs the pending migrations inside ONE transaction on a dedicated session and rolls it back.
 * Per statement: duration, rows affected and the locks it acquired (pg_locks of this backend,
 * compared with the previous read); at the end the catalog inside the transaction compared with
 * before. Each statement runs under a savepoint, so a failure still leaves the transaction readable
 * for the diff. Statements that cannot run in a transaction are reported, not run. No history row is
 * written, and the session is discarded afterwards so none of the scripts' session state survives.
 */
export async function dryRun(pool: pg.Pool, options: DryRunOptions): Promise<DryRunReport> {
  const started = performance.now();
  const discovery = discoverMigrations(options.dir);
  const analyses = await analyzeAll(discovery);
  const client = await pool.connect();
  try {
    const states = computeStates(discovery, await readDatabaseState(client), analyses);
    const plan = planUp(states, { to: options.to, allowOutOfOrder: true });
    const notes = plan.blockers.filter((b) => b.code !== 'out_of_order').map((b) => `A real apply would stop here: ${b.message}`);
    if (plan.steps.length === 0) notes.push('Nothing is pending: there is nothing to dry-run.');
    notes.push(
      'The dry run takes the same locks as the real run, for as long as it runs. Sequence values consumed by nextval() are not rolled back by PostgreSQL.',
    );

    await client.query('BEGIN');
    await client.query(
      "SELECT pg_catalog.set_config('lock_timeout', $1, true), pg_catalog.set_config('statement_timeout', $2, true), pg_catalog.set_config('application_name', 'ticketz-console dry run', true)",
      [`${options.lockTimeoutMs}ms`, `${options.statementTimeoutMs}ms`],
    );
    const { rows } = await client.query<{ pid: number }>('SELECT /* ticketz-console */ pg_catalog.pg_backend_pid() AS pid');
    const pid = rows[0]!.pid;
    const before = await readCatalogSnapshot(client);
    const seen = new Set((await readHeldLocks(client, pid)).locks.map(lockKey));
    const acquired = async (): Promise<HeldLock[]> => {
      const { locks, raw } = await readHeldLocks(client, pid);
      const fresh = locks.filter((l, i) => !isOwnBookkeeping(raw[i]!) && !seen.has(lockKey(l)));
      for (const l of locks) seen.add(lockKey(l));
      return fresh;
    };

    let failed = false;
    const migrations: DryRunReport['migrations'] = [];
    for (const step of plan.steps) {
      const statements: DryRunStatement[] = [];
      migrations.push({ version: step.state.version, name: step.state.name, file: step.script.file, statements });
      if (step.analysis.problem) {
        statements.push({ index: 0, line: step.script.firstLine, summary: '', outcome: failed ? 'not_run' : 'failed', durationMs: null, rowCount: null, locks: [], message: step.analysis.problem.message });
        failed = true;
        continue;
      }
      for (const segment of step.analysis.segments)
        for (const statement of segment.statements) {
          const base = { index: statements.length, line: fileLine(step.script, statement), summary: summarize(statement) };
          if (failed) {
            statements.push({ ...base, outcome: 'not_run', durationMs: null, rowCount: null, locks: [], message: 'An earlier statement failed.' });
          } else if (!segment.transactional) {
            const why = statement.nonTransactional ?? `${step.script.file} is marked to run without a transaction`;
            statements.push({ ...base, outcome: 'skipped', durationMs: null, rowCount: null, locks: [], message: `Not dry-runnable: ${why}. It cannot be rolled back, so it is left out.` });
          } else {
            await client.query('SAVEPOINT ticketz_dry_run');
            const t0 = performance.now();
            try {
              let rowCount: number | null = null;
              if (statement.copyData !== undefined) await copyFromData(client, statement.text, statement.copyData);
              else rowCount = (await client.query(statement.text)).rowCount ?? null;
              const durationMs = performance.now() - t0;
              await client.query('RELEASE SAVEPOINT ticketz_dry_run');
              statements.push({ ...base, outcome: 'ran', durationMs, rowCount, locks: await acquired(), message: null });
            } catch (err) {
              const durationMs = performance.now() - t0;
              // The locks the failed statement took are released with its savepoint.
              await client.query('ROLLBACK TO SAVEPOINT ticketz_dry_run');
              statements.push({ ...base, outcome: 'failed', durationMs, rowCount: null, locks: [], message: message(err) });
              failed = true;
            }
          }
        }
    }
    const differences = diffCatalogSnapshots(before, await readCatalogSnapshot(client));
    await client.query('ROLLBACK');
    return { migrations, differences: toDifferenceRows(differences), ok: !failed, notes, totalMs: performance.now() - started };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(true);
  }
}
