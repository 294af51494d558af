import { realpathSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { migrationWorkbenchContract } from '../../../shared/contract/migration-workbench';
import { RpcError } from '../../../shared/rpc/rpc-error';
import type { CoreDeps } from '../deps';
import { applierRunsFor } from '../migrations/applier-runs';
import { defaultMigrationsDir } from '../migrations/default-dir';
import { MigrationError } from '../migrations/errors';
import { withScratchDatabase } from '../migrations/scratch-database';
import { verifyReversibility } from '../migrations/verify';
import { toDifferenceRows } from '../migrations/workbench/catalog-differences';
import { dryRun } from '../migrations/workbench/dry-run';
import { browseFolder, readSources, resolveFolder } from '../migrations/workbench/folder';
import { createMigrationFiles } from '../migrations/workbench/new-migration';
import { readRunActivity } from '../migrations/workbench/run-activity';
import type { HandlersFor } from '../rpc/dispatcher';
import { DEMO_ID } from './connections';

/** Discovery problems (two files with one version …) as a bad request the page can show. */
async function discovered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof MigrationError && err.kind === 'discovery') throw new RpcError('BAD_REQUEST', err.message);
    throw err;
  }
}

/**
 * The app's own migrations/ holds the Ticketz reference schema: read-only inside an installer, and
 * a user's migration there would be applied to the demo on its next start. New files go to the
 * user's project folder.
 */
function assertNotBundled(target: string): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  if (real(target) === real(defaultMigrationsDir()))
    throw new RpcError(
      'BAD_REQUEST',
      `New migrations are not written into the app's bundled folder (${defaultMigrationsDir()}): it holds the Ticketz reference schema. Choose your project's migrations folder above, then create the migration there.`,
    );
}

const SCRATCH_DENIED = /CREATEDB privilege|permission denied to create database/i;

export function migrationWorkbenchHandlers(deps: CoreDeps): HandlersFor<typeof migrationWorkbenchContract> {
  const runs = applierRunsFor(deps);
  const folder = (dir: string | undefined) => resolveFolder(dir ?? defaultMigrationsDir());

  const assertWritable = (connectionId: string, what: string) => {
    if (connectionId !== DEMO_ID && deps.profiles.get(connectionId).readOnly)
      throw new RpcError('READ_ONLY', `This connection is read-only, so ${what}. Edit the connection to allow changes.`);
  };

  /**
   * A temporary database next to the connected one (needs CREATEDB); otherwise one on the embedded
   * PostgreSQL, which always allows it.
   */
  const withScratch = async <T>(connectionId: string, work: (pool: pg.Pool) => Promise<T>): Promise<{ result: T; scratch: string }> => {
    const pool = await deps.pools.get(connectionId);
    // pg-pool keeps the password as a non-enumerable property: a spread would drop it.
    const config: pg.ClientConfig = { ...pool.options, password: pool.options.password };
    try {
      return {
        result: await withScratchDatabase(config, work),
        scratch: `a temporary database on ${config.host ?? 'the server'}:${config.port ?? 5432}`,
      };
    } catch (err) {
      if (!(err instanceof Error && SCRATCH_DENIED.test(err.message)) || !deps.demo || connectionId === DEMO_ID) throw err;
      const endpoint = await deps.demo.start();
      return {
        result: await withScratchDatabase({ ...endpoint }, work),
        scratch: 'a temporary database on the embedded PostgreSQL (the role may not create databases)',
      };
    }
  };

  return {
    'migrations.browseFolder': ({ path }) => Promise.resolve(browseFolder(path)),

    'migrations.sources': ({ dir, version }) => discovered(() => Promise.resolve(readSources(folder(dir), version))),

    'migrations.dryRun': async ({ connectionId, dir, to, lockTimeoutMs, statementTimeoutMs }) => {
      assertWritable(connectionId, 'a dry run (which takes real locks) is not allowed');
      const pool = await deps.pools.get(connectionId);
      return discovered(() => dryRun(pool, { dir: folder(dir), to, lockTimeoutMs, statementTimeoutMs }));
    },

    'migrations.verify': async ({ connectionId, dir, from, to, ignore, exclude, taskId }) => {
      const resolved = folder(dir);
      const started = performance.now();
      const emit = (state: 'running' | 'succeeded' | 'failed', fraction: number | null, detail?: string) =>
        taskId &&
        deps.events.emit('task.progress', {
          taskId,
          connectionId,
          label: 'Reversibility check',
          state,
          fraction,
          elapsedMs: performance.now() - started,
          ...(detail ? { detail } : {}),
        });
      try {
        const { result, scratch } = await discovered(() =>
          withScratch(connectionId, (pool) =>
            verifyReversibility(pool, {
              dir: resolved,
              from,
              to,
              ignore,
              exclude,
              onVerify: (e) =>
                emit(
                  'running',
                  (e.index + (e.phase === 'up' ? 0 : e.phase === 'down' ? 1 / 3 : 2 / 3)) / e.total,
                  `${e.version} ${e.name}: ${e.phase}`,
                ),
            }),
          ),
        );
        emit(
          result.stopped ? 'failed' : 'succeeded',
          1,
          result.stopped ? 'the check stopped on an error' : result.ok ? 'every checked migration rolls back cleanly' : 'differences found',
        );
        return {
          ...result,
          scratch,
          migrations: result.migrations.map((m) => ({
            version: m.version,
            name: m.name,
            outcome: m.outcome,
            afterDown: toDifferenceRows(m.afterDown),
            afterReapply: toDifferenceRows(m.afterReapply),
            ignored: m.ignored,
            ...(m.note ? { note: m.note } : {}),
          })),
        };
      } catch (err) {
        emit('failed', null, err instanceof Error ? err.message : String(err));
        if (err instanceof MigrationError)
          throw new RpcError(err.kind === 'blocked' ? 'CONFLICT' : 'PG_ERROR', `The check could not run: ${err.message}`);
        throw err;
      }
    },

    'migrations.runActivity': async ({ connectionId, taskId }) => {
      const run = runs.get(taskId);
      return readRunActivity(await deps.pools.get(connectionId), run && run.connectionId === connectionId ? run : undefined);
    },

    'migrations.cancelRun': async ({ connectionId, taskId }) => runs.cancel(await deps.pools.get(connectionId), connectionId, taskId),

    'migrations.createFiles': ({ dir, ...spec }) =>
      discovered(() => {
        const target = folder(dir);
        assertNotBundled(target);
        return Promise.resolve(createMigrationFiles(target, spec));
      }),
  };
}
