import path from 'node:path';
import { parseArgs } from 'node:util';
import { snapshotBeforeMigrations } from '../core/backup/pre-migration';
import { defaultDataDir } from '../core/data-dir';
import { defaultMigrationsDir } from '../core/migrations/default-dir';
import { DEFAULT_LOCK_TIMEOUT_MS, DEFAULT_LOCK_WAIT_MS, DEFAULT_STATEMENT_TIMEOUT_MS, MigrationEngine } from '../core/migrations/engine';
import { MigrationError } from '../core/migrations/errors';
import { withScratchDatabase } from '../core/migrations/scratch-database';
import { formatVerifyReport, verifyReversibility, type VerifyReport } from '../core/migrations/verify';
import { verifyAspects, type VerifyAspect } from '../../shared/contract/migration-workbench';
import { helpFlag, withUsage, type Command } from './common';
import { assertMigrationsFolder } from './migrate-dir';
import { formatPlanLocks, planWithLocks } from './migrate-plan-locks';
import { EXIT, UsageError } from './exit-codes';
import { runMigrateLint } from './migrate-lint';
import { databaseUrlFrom, databaseUrlOptions } from './secret-input';
import { runMigrateRehearse } from './migrate-rehearse';
import { formatPlan, formatRan, formatStatus, printEvent } from './migrate-output';
import { openTarget, type MigrateTarget } from './migrate-target';

const usage = `Usage: ticketz-console migrate <status|up|down|plan|verify|lint> [options]

  status                 each migration: applied, partly_applied, pending, drift, missing_file, out_of_order
  up [--to V] [--backup [--backups-dir D]]
                         apply pending migrations (up to and including V); refuses while one is partly
                         applied; --backup first dumps the tables they touch (restore: backup restore
                         FILE --in-place --confirm DB)
  resume [--to V]        like up, continuing a partly applied migration from its first statement not done
  repair V               mark the partly applied migration V applied, after you fixed the database by hand
  down [--steps N | --to V]
                         roll back the last N applied migrations (default 1), or all above V (--to 0: all)
  plan [--to V] [--down [--steps N]]
                         print what up (or down) would run, what would stop it, and per statement
                         the lock mode on each relation (--json: steps[].locks)
  verify [--from V] [--to V] [--ignore ASPECT]… [--exclude PATTERN]…
                         reversibility check on a scratch database: per migration up, down, compare
                         the catalog with before, up again. Migrations without a down script are
                         applied and skipped. --ignore: ${verifyAspects.join(', ')} (views
                         covers materialized views); --exclude: a glob (* ?) on object names
                         (tables cover their columns, indexes, triggers; functions, types …)
  lint [--dir D] [--json] [--strict-lock-timeout]
                         check the scripts for dangerous changes (see migrate lint --help)
  rehearse [--from-backup FILE | --backups-dir D] [--allow-loss T …]
                         apply the pending migrations on a restored copy and report durations, locks
                         and rows (see migrate rehearse --help)

Options:
  --url URL              the database (default: the built-in demo database); a password here is
                         visible in ps: prefer --url-file, TICKETZ_CONSOLE_URL or PGPASSWORD
  --url-file F           read the URL from file F (first line)
  --password-prompt      ask for the database password (terminal, or the first line of stdin)
  --dir D                the migrations folder (default: ${defaultMigrationsDir()})
  --json                 machine-readable output on stdout (progress stays on stderr)
  --allow-out-of-order   also apply pending migrations older than the newest applied one
  --lock-timeout MS      lock_timeout of every statement (default ${DEFAULT_LOCK_TIMEOUT_MS})
  --statement-timeout MS statement_timeout of every statement (default ${DEFAULT_STATEMENT_TIMEOUT_MS}; 0 = none)
  --lock-wait MS         how long to wait for another applier (default ${DEFAULT_LOCK_WAIT_MS})
  --data-dir D           where the demo database lives (default: ${defaultDataDir()})

Exit codes: 0 success, 1 failure, 2 usage, ${EXIT.drift} drift, ${EXIT.lockTimeout} lock timeout, ${EXIT.sqlError} SQL error, ${EXIT.verifyFailed} verify found differences, ${EXIT.lintFailed} lint found errors.`;

const subcommands = ['status', 'up', 'resume', 'repair', 'down', 'plan', 'verify'] as const;
type Subcommand = (typeof subcommands)[number];

function parse(argv: string[]) {
  return withUsage(usage, () =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        ...helpFlag,
        ...databaseUrlOptions,
        dir: { type: 'string' },
        json: { type: 'boolean' },
        to: { type: 'string' },
        from: { type: 'string' },
        steps: { type: 'string' },
        down: { type: 'boolean' },
        'allow-out-of-order': { type: 'boolean' },
        'lock-timeout': { type: 'string' },
        'statement-timeout': { type: 'string' },
        'lock-wait': { type: 'string' },
        'data-dir': { type: 'string' },
        backup: { type: 'boolean' },
        'backups-dir': { type: 'string' },
        ignore: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
      },
    }),
  );
}

function milliseconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number of milliseconds, got "${value}".`);
  return n;
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number above 0, got "${value}".`);
  return n;
}

function aspects(given: string[]): VerifyAspect[] {
  for (const a of given)
    if (!(verifyAspects as readonly string[]).includes(a))
      throw new UsageError(`--ignore takes one of ${verifyAspects.join(', ')}; got "${a}".`);
  return [...new Set(given)] as VerifyAspect[];
}

/** verify: 6 when a migration does not roll back cleanly; a stop on an error keeps that error's code. */
export function verifyExitCode(report: VerifyReport): number {
  if (report.summary.differs > 0) return EXIT.verifyFailed;
  if (report.stopped)
    return report.stopped.kind === 'lock_timeout' ? EXIT.lockTimeout : report.stopped.kind === 'sql' ? EXIT.sqlError : EXIT.failure;
  return report.ok ? EXIT.ok : EXIT.verifyFailed;
}

/** Exit codes a CI pipeline can branch on. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return EXIT.usage;
  if (!(err instanceof MigrationError)) return EXIT.failure;
  if (err.isDrift) return EXIT.drift;
  if (err.kind === 'lock_timeout') return EXIT.lockTimeout;
  if (err.kind === 'sql') return EXIT.sqlError;
  return EXIT.failure;
}

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply, roll back, plan and verify database migrations',
  usage,
  async run(argv) {
    // lint reads files only and has options of its own.
    if (argv[0] === 'lint') return runMigrateLint(argv.slice(1));
    // rehearse works on a restored copy, with options of its own.
    if (argv[0] === 'rehearse') return runMigrateRehearse(argv.slice(1));
    const { values, positionals } = parse(argv);
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const [sub, ...extra] = positionals;
    if (!sub || !subcommands.includes(sub as Subcommand))
      throw new UsageError(`${sub ? `Unknown migrate command "${sub}".` : 'Say what to do.'}\n\n${usage}`);
    const [repairVersion, ...beyond] = sub === 'repair' ? extra : [undefined, ...extra];
    if (sub === 'repair' && !repairVersion) throw new UsageError(`Say which migration to mark repaired: migrate repair V.\n\n${usage}`);
    if (beyond.length > 0) throw new UsageError(`Unexpected argument "${beyond[0]}".\n\n${usage}`);
    if (values.steps !== undefined && values.to !== undefined) throw new UsageError('Give --steps or --to, not both.');

    const json = values.json ?? false;
    const log = (line: string) => console.error(line);
    const dir = path.resolve(values.dir ?? defaultMigrationsDir());
    assertMigrationsFolder(dir);
    const engineOptions = {
      dir,
      lockTimeoutMs: milliseconds(values['lock-timeout'], '--lock-timeout'),
      statementTimeoutMs: milliseconds(values['statement-timeout'], '--statement-timeout'),
      lockWaitMs: milliseconds(values['lock-wait'], '--lock-wait'),
      onEvent: (event: Parameters<typeof printEvent>[0]) => printEvent(event, log),
    };
    const steps = positive(values.steps, '--steps');
    const ignore = aspects(values.ignore ?? []);
    if (sub !== 'verify' && (values.ignore || values.exclude)) throw new UsageError('--ignore and --exclude belong to migrate verify.');

    let target: MigrateTarget | undefined;
    try {
      const database = await databaseUrlFrom(values, log);
      target = await openTarget({ url: database?.url, password: database?.password, dataDir: values['data-dir'] ?? defaultDataDir(), log });
      const engine = new MigrationEngine({ ...engineOptions, pool: target.pool });
      if (sub === 'repair') {
        const repaired = await engine.markRepaired(repairVersion!);
        console.log(
          json
            ? JSON.stringify({ repaired })
            : `Marked ${repaired.version} (${repaired.name}) repaired and applied; it was partly applied: ${repaired.was}.`,
        );
        return EXIT.ok;
      }
      return await runSubcommand(sub as Exclude<Subcommand, 'repair'>, { engine, target, json, values, steps, ignore, engineOptions, log });
    } catch (err) {
      if (json)
        console.log(
          JSON.stringify({
            error: {
              kind: err instanceof MigrationError ? err.kind : 'failure',
              message: err instanceof Error ? err.message : String(err),
            },
          }),
        );
      if (err instanceof UsageError) throw err;
      console.error(err instanceof Error ? err.message : String(err));
      return exitCodeFor(err);
    } finally {
      await target?.close().catch(() => undefined);
    }
  },
};

interface RunContext {
  engine: MigrationEngine;
  target: MigrateTarget;
  json: boolean;
  values: ReturnType<typeof parse>['values'];
  steps: number | undefined;
  ignore: VerifyAspect[];
  engineOptions: { dir: string; lockTimeoutMs?: number; statementTimeoutMs?: number; lockWaitMs?: number };
  log: (line: string) => void;
}

async function runSubcommand(
  sub: Exclude<Subcommand, 'repair'>,
  { engine, target, json, values, steps, ignore, engineOptions, log }: RunContext,
): Promise<number> {
  const out = (lines: string[] | string) => console.log(Array.isArray(lines) ? lines.join('\n') : lines);
  switch (sub) {
    case 'status': {
      const status = await engine.status();
      if (json) {
        const migrations = status.migrations.map((m) => ({
          version: m.version,
          name: m.name,
          status: m.status,
          hasDown: m.hasDown,
          appliedAt: m.appliedAt,
          checksum: m.checksum ?? m.appliedChecksum,
          // partly_applied only: which statements committed, which was running
          ...(m.progress ? { progress: m.progress } : {}),
        }));
        out(JSON.stringify({ migrations, warnings: status.warnings, invalidIndexes: status.invalidIndexes }));
      } else out(formatStatus(status));
      return status.migrations.some((m) => m.status === 'drift') ? EXIT.drift : EXIT.ok;
    }
    case 'plan': {
      const plan = values.down
        ? await engine.plan({ direction: 'down', to: values.to, steps })
        : await engine.plan({ direction: 'up', to: values.to, allowOutOfOrder: values['allow-out-of-order'] ?? false });
      const withLocks = await planWithLocks(target.pool, engineOptions.dir, plan);
      out(json ? JSON.stringify(withLocks) : [...formatPlan(plan), ...formatPlanLocks(withLocks)]);
      if (plan.blockers.length === 0) return EXIT.ok;
      return plan.blockers.some((b) => b.code === 'drift') ? EXIT.drift : EXIT.failure;
    }
    case 'up':
    case 'resume':
    case 'down': {
      if (sub === 'up' && values.backup) {
        const outDir = path.resolve(values['backups-dir'] ?? path.join(values['data-dir'] ?? defaultDataDir(), 'backups'));
        const snapshot = await snapshotBeforeMigrations({
          config: target.config,
          pool: target.pool,
          dir: engineOptions.dir,
          to: values.to,
          outDir,
        });
        log(
          snapshot
            ? `Pre-migration snapshot of ${snapshot.manifest.tables.map((t) => `${t.schema}.${t.name}`).join(', ')}: ${snapshot.file}`
            : 'No pending migration touches an existing table: no pre-migration snapshot needed.',
        );
      }
      log(`${sub === 'down' ? 'Rolling back' : 'Applying'} migrations of ${engineOptions.dir} on ${target.label}`);
      const ran =
        sub === 'down'
          ? await engine.down({ to: values.to, steps })
          : await engine.up({ to: values.to, allowOutOfOrder: values['allow-out-of-order'] ?? false, resume: sub === 'resume' });
      out(json ? JSON.stringify({ ran }) : formatRan(sub === 'down' ? 'down' : 'up', ran));
      return EXIT.ok;
    }
    case 'verify': {
      const report = await withScratchDatabase(target.config, (pool, scratch) => {
        log(
          `Checking that each migration of ${engineOptions.dir} rolls back cleanly, on the scratch database ${scratch} next to ${target.label} …`,
        );
        return verifyReversibility(pool, {
          dir: engineOptions.dir,
          lockTimeoutMs: engineOptions.lockTimeoutMs,
          statementTimeoutMs: engineOptions.statementTimeoutMs,
          from: values.from,
          to: values.to,
          ignore,
          exclude: values.exclude ?? [],
          onVerify: (e) => {
            if (e.phase === 'up') log(`  ${e.index + 1}/${e.total} ${e.version} ${e.name}`);
          },
        });
      });
      // Differences first: a rollback that left something behind usually also stops the check (up again fails).
      const verdict =
        report.summary.differs > 0
          ? 'Some migrations do not roll back cleanly (see above).'
          : report.stopped
            ? 'The check did not finish (see above).'
            : report.summary.checked === 0
              ? 'No migration could be checked: none has a down script.'
              : 'Every checked migration rolls back cleanly.';
      out(json ? JSON.stringify(report) : [...formatVerifyReport(report), verdict]);
      return verifyExitCode(report);
    }
  }
}
