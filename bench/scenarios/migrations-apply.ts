import { execFile } from 'node:child_process';
import path from 'node:path';
import { defaultMigrationsDir } from '../../electron/core/migrations/default-dir';
import { discoverMigrations } from '../../electron/core/migrations/discover';
import { packageRootForTests } from '../../electron/core/testing/package-root';
import { registerScenario, timed, type BenchContext } from '../harness';

/**
 * The bundled reference schema applied to an empty database by the CLI as a user or a CI job runs
 * it — `ticketz-console migrate up --url …` from dist/, a new process (start-up, parse, lock,
 * history, one transaction per migration) — against `psql -1 -f` of the same files, also a new
 * process each time. Goal: ≤ 1.5× psql.
 */
const dir = defaultMigrationsDir();
const cli = path.join(packageRootForTests, 'dist', 'cli.js');

function migrateUp(url: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [cli, 'migrate', 'up', '--url', url, '--dir', dir], (err, _out, stderr) =>
      err ? reject(new Error(`migrate up failed: ${stderr || err.message}`)) : resolve(),
    ),
  );
}

async function withFreshDatabase(
  ctx: BenchContext,
  work: (db: Awaited<ReturnType<BenchContext['createDatabase']>>) => Promise<number>,
): Promise<number> {
  const db = await ctx.createDatabase('bench_migrate');
  try {
    return await work(db);
  } finally {
    await db.drop();
  }
}

registerScenario({
  name: 'migrate up CLI (migrations/, empty database)',
  description: 'ticketz-console migrate up (a new process) applies every migration of migrations/ to an empty database',
  iterations: () => 7,
  runsAt: (scale) => scale === 1,
  run: (ctx) => withFreshDatabase(ctx, (db) => timed(() => migrateUp(`${db.url}?sslmode=disable`))),
  reference: {
    label: 'psql -1 -f (same files, a new process)',
    run: (ctx) =>
      withFreshDatabase(ctx, (db) => {
        const files = discoverMigrations(dir).migrations.flatMap((m) => ['-f', m.up.path]);
        return timed(() => ctx.server.tool('psql', ['-X', '-q', '-1', '-v', 'ON_ERROR_STOP=1', ...files], db.name));
      }),
  },
});
