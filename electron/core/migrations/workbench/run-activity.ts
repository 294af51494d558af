import type pg from 'pg';
import type { RunActivity } from '../../../../shared/contract/migration-workbench';
import { readActivity } from '../../insights/activity';
import type { ApplierRun } from '../applier-runs';
import { readHeldLocks } from './held-locks';

const idle = (run: ApplierRun | undefined): RunActivity => ({
  running: run !== undefined,
  direction: run?.direction ?? null,
  pid: run?.pid ?? null,
  applier: null,
  blockedBy: [],
  blocking: [],
  locks: [],
  cancelRequested: run?.cancelRequested ?? false,
});

/**
 * The live lock panel of a run: the applier's session, the locks it holds or waits for, the sessions
 * it waits for (pg_blocking_pids) and the ones waiting for it. Reuses the Activity page's session
 * reading (insights/activity.ts), read on a pool session other than the applier's.
 */
export async function readRunActivity(pool: pg.Pool, run: ApplierRun | undefined): Promise<RunActivity> {
  if (!run || run.pid === null) return idle(run);
  const pid = run.pid;
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query("SET LOCAL statement_timeout = '5s'; SET LOCAL lock_timeout = '1s'");
    const { sessions } = await readActivity(client, true, 60_000);
    const { locks } = await readHeldLocks(client, pid);
    await client.query('COMMIT');
    const applier = sessions.find((s) => s.pid === pid) ?? null;
    const waitsFor = new Set(applier?.blockedBy ?? []);
    return {
      ...idle(run),
      applier,
      blockedBy: sessions.filter((s) => waitsFor.has(s.pid)),
      blocking: sessions.filter((s) => s.blockedBy.includes(pid)),
      locks,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
