import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { defaultMigrationsDir } from '../../electron/core/migrations/default-dir';
import { discoverMigrations } from '../../electron/core/migrations/discover';
import { MigrationEngine } from '../../electron/core/migrations/engine';
import { RUNNER_TABLES } from '../../electron/core/migrations/runner-tables';
import { findPackageRoot } from '../../electron/core/package-root';
import { registerScenario, timed, type BenchContext } from '../harness';

/**
 * Real projects' migrations (issue #14): the shared corpora — Harbor (golang-migrate, 39 up
 * scripts) and Conductor (Flyway, versions like V13.1) — applied by the engine against psql,
 * and a 700-file lint corpus built from them, linted by `ticketz-console migrate lint` against
 * squawk (npm squawk-cli, the same files). The corpora are test data outside the repository:
 * found in `shared/corpora` next to (or one level above) the checkout, or at $TICKETZ_CORPORA;
 * without them these scenarios say so and are skipped.
 */
const run = promisify(execFile);
const root = findPackageRoot(import.meta.dirname) ?? process.cwd();

function corporaDir(): string | undefined {
  const candidates = [
    process.env.TICKETZ_CORPORA,
    path.join(root, '..', 'shared', 'corpora'),
    path.join(root, '..', '..', 'shared', 'corpora'),
  ];
  return candidates.find((c): c is string => c !== undefined && existsSync(path.join(c, 'harbor')));
}

const CORPORA = corporaDir();
const projects = CORPORA
  ? [
      { name: 'harbor', format: 'up-down' as const, dir: path.join(CORPORA, 'harbor', 'make', 'migrations', 'postgresql') },
      {
        name: 'conductor',
        format: 'flyway' as const,
        dir: path.join(CORPORA, 'conductor', 'postgres-persistence', 'src', 'main', 'resources', 'db', 'migration_postgres'),
      },
    ]
  : [];

async function withDatabase(
  ctx: BenchContext,
  format: 'up-down' | 'flyway',
  work: (db: Awaited<ReturnType<BenchContext['createDatabase']>>) => Promise<number>,
) {
  const db = await ctx.createDatabase('bench_corpus');
  try {
    // What the project's runner creates before the first migration (Harbor's 0030 alters it).
    for (const t of RUNNER_TABLES[format]) await db.pool.query(t.sql);
    return await work(db);
  } finally {
    await db.drop();
  }
}

for (const project of projects)
  registerScenario({
    name: `migrate up (${project.name} corpus, empty database)`,
    description: `the engine applies the ${project.name} project's migrations (shared/corpora) to an empty database`,
    iterations: () => 5,
    runsAt: (scale) => scale === 1,
    run: (ctx) => withDatabase(ctx, project.format, (db) => timed(() => new MigrationEngine({ pool: db.pool, dir: project.dir }).up())),
    reference: {
      label: 'psql -f each file, in order',
      run: (ctx) =>
        withDatabase(ctx, project.format, (db) => {
          const files = discoverMigrations(project.dir).migrations.flatMap((m) => ['-f', m.up.path]);
          return timed(() => ctx.server.tool('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', ...files], db.name));
        }),
    },
  });

const LINT_FILES = 700;
let lintDir: string | undefined;

/** 700 up scripts: the corpora's files (or, without them, the reference migrations) repeated under new versions. */
function buildLintCorpus(): string {
  const sources =
    projects.length > 0
      ? projects.flatMap((p) => discoverMigrations(p.dir).migrations.map((m) => m.up.path))
      : discoverMigrations(defaultMigrationsDir()).migrations.map((m) => m.up.path);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-lint-corpus-'));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < LINT_FILES; i++)
    copyFileSync(sources[i % sources.length]!, path.join(dir, `${String(i + 1).padStart(4, '0')}_m.up.sql`));
  return dir;
}

/**
 * squawk-cli is installed for the bench only (`npm install --no-save squawk-cli@2.66.0`), not as a
 * devDependency: its package lists platform packages that are not all published, so a lock file
 * made on one OS breaks `npm ci` on every machine.
 */
function squawkBinary(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve(`@squawk-cli/${process.platform}-${process.arch}/bin/squawk${process.platform === 'win32' ? '.exe' : ''}`);
  } catch {
    throw new Error('squawk is not installed: run `npm install --no-save squawk-cli@2.66.0`, then the bench again.');
  }
}

/** Runs a linter process; exit codes that report findings (ours 7, squawk 1) are success here. */
async function lintProcess(file: string, args: string[]): Promise<void> {
  await run(file, args, { maxBuffer: 512 * 1024 * 1024 }).catch((err: { code?: number; stderr?: string }) => {
    if (err.code === 7 || err.code === 1) return;
    throw new Error(`${path.basename(file)} failed (${String(err.code)}): ${err.stderr ?? ''}`);
  });
}

registerScenario({
  name: `migrate lint (${LINT_FILES} files${projects.length > 0 ? ', harbor + conductor' : ', reference migrations repeated'})`,
  description: 'ticketz-console migrate lint on a 700-file corpus, as a CI job runs it (a process), against squawk on the same files',
  iterations: () => 5,
  runsAt: (scale) => scale === 1,
  setup: () => {
    lintDir = buildLintCorpus();
    return Promise.resolve();
  },
  run: () => timed(() => lintProcess(process.execPath, [path.join(root, 'dist', 'cli.js'), 'migrate', 'lint', '--dir', lintDir!])),
  reference: {
    label: 'squawk 2.66 (same files)',
    run: () => {
      const files = readdirSync(lintDir!).map((f) => path.join(lintDir!, f));
      return timed(() => lintProcess(squawkBinary(), files));
    },
  },
  teardown: () => {
    if (lintDir) rmSync(lintDir, { recursive: true, force: true });
    return Promise.resolve();
  },
});
