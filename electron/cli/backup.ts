import path from 'node:path';
import { parseArgs } from 'node:util';
import { deleteBackup, listBackups, planPrune, writeVerification } from '../core/backup/backup-folder';
import { createBackup } from '../core/backup/create-backup';
import { ManifestError } from '../core/backup/manifest';
import { PgToolError } from '../core/backup/pg-tools';
import { restoreTablesInPlace } from '../core/backup/pre-migration';
import { RestoreRefused, restoreBackup } from '../core/backup/restore-backup';
import { verifyBackup } from '../core/backup/verify-backup';
import { defaultDataDir } from '../core/data-dir';
import { formatList, formatVerify, progressPrinter } from './backup-output';
import { abortOnSignals, helpFlag, withUsage, type Command } from './common';
import { EXIT, UsageError } from './exit-codes';
import { openTarget } from './migrate-target';
import { databaseUrlFrom, databaseUrlOptions } from './secret-input';

const defaultDir = () => path.join(defaultDataDir(), 'backups');

const usage = `Usage: ticketz-console backup <create|verify|restore|list|prune> [options]

  create [--out DIR] [--schema S] [--table T …]
                         pg_dump -Fc and <file>.manifest.json: server and pg_dump versions, time, per-table
                         row counts and checksums computed in the dump's own snapshot
  verify FILE            restore FILE into a scratch database (created, then dropped) and compare it with
                         its manifest; exit 0 means proven
  restore FILE --to DB [--clean --confirm DB] [--no-owner]
                         restore into a new database; an existing one only with --clean, and --confirm
                         repeating its name
  restore FILE --in-place --confirm DB
                         a pre-migration snapshot (migrate up --backup): recreate its tables with their
                         rows in the database of --url, in one transaction
  list [--dir D]         the backups in a folder, with their manifests and last verify
  prune [--dir D] --keep-daily N --keep-weekly N --keep-monthly N [--dry-run]
                         delete backups no retention rule keeps (per database; the newest is always kept)

Options:
  --url URL              the database (create) or the server to restore on (verify, restore);
                         default: the built-in demo database. The password goes to pg_dump as PGPASSWORD.
  --out DIR, --dir D     the backup folder (default: ${defaultDir()})
  --pg-bin DIR           where pg_dump and pg_restore are (default: PATH and the usual install folders;
                         also TICKETZ_CONSOLE_PG_BIN)
  --lock-wait MS         create: how long pg_dump waits for a table lock (default 60000)
  --json                 machine-readable output on stdout (progress stays on stderr)
  --data-dir D           where the demo database lives (default: ${defaultDataDir()})

Exit codes: 0 success, 1 failure, 2 usage, ${EXIT.verifyFailed} verify failed (not proven), ${EXIT.toolMissing} no pg_dump/pg_restore as new as
the server, ${EXIT.refused} restore refused (database exists, file does not match its manifest).`;

const subcommands = ['create', 'verify', 'restore', 'list', 'prune'] as const;
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
        out: { type: 'string' },
        dir: { type: 'string' },
        schema: { type: 'string' },
        table: { type: 'string', multiple: true },
        to: { type: 'string' },
        clean: { type: 'boolean' },
        'in-place': { type: 'boolean' },
        confirm: { type: 'string' },
        'no-owner': { type: 'boolean' },
        'keep-daily': { type: 'string' },
        'keep-weekly': { type: 'string' },
        'keep-monthly': { type: 'string' },
        'dry-run': { type: 'boolean' },
        'pg-bin': { type: 'string' },
        'lock-wait': { type: 'string' },
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
      },
    }),
  );
}

type Values = ReturnType<typeof parse>['values'];

function count(value: string | undefined, flag: string): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number, got "${value}".`);
  return n;
}

export function backupExitCode(err: unknown): number {
  if (err instanceof UsageError) return EXIT.usage;
  if (err instanceof PgToolError) return EXIT.toolMissing;
  if (err instanceof RestoreRefused || err instanceof ManifestError) return EXIT.refused;
  return EXIT.failure;
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Create, verify (by restoring), restore, list and prune pg_dump backups',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv);
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const [sub, ...rest] = positionals;
    if (!sub || !subcommands.includes(sub as Subcommand))
      throw new UsageError(`${sub ? `Unknown backup command "${sub}".` : 'Say what to do.'}\n\n${usage}`);
    const needsFile = sub === 'verify' || sub === 'restore';
    if (needsFile && rest.length !== 1) throw new UsageError(`backup ${sub} takes one FILE.\n\n${usage}`);
    if (!needsFile && rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}".\n\n${usage}`);
    const json = values.json ?? false;
    try {
      return await runSubcommand(sub as Subcommand, values, rest[0], json);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      if (json) console.log(JSON.stringify({ error: { message } }));
      console.error(message);
      return backupExitCode(err);
    }
  },
};

async function runSubcommand(sub: Subcommand, values: Values, file: string | undefined, json: boolean): Promise<number> {
  const log = (line: string) => console.error(line);
  const out = (lines: string[] | string) => console.log(Array.isArray(lines) ? lines.join('\n') : lines);
  const dir = path.resolve(values.dir ?? values.out ?? defaultDir());
  const tools = values['pg-bin'] ? { binDir: values['pg-bin'] } : undefined;

  if (sub === 'list') {
    const entries = listBackups(dir);
    out(json ? JSON.stringify({ dir, backups: entries.map((e) => ({ ...e, at: e.at.toISOString() })) }) : formatList(dir, entries));
    return EXIT.ok;
  }
  if (sub === 'prune') {
    const policy = {
      daily: count(values['keep-daily'], '--keep-daily'),
      weekly: count(values['keep-weekly'], '--keep-weekly'),
      monthly: count(values['keep-monthly'], '--keep-monthly'),
    };
    if (values['keep-daily'] === undefined && values['keep-weekly'] === undefined && values['keep-monthly'] === undefined)
      throw new UsageError('Give at least one of --keep-daily, --keep-weekly, --keep-monthly.');
    const plan = planPrune(listBackups(dir), policy);
    if (!values['dry-run']) for (const e of plan.prune) deleteBackup(e.file);
    const verb = values['dry-run'] ? 'Would delete' : 'Deleted';
    out(
      json
        ? JSON.stringify({ dryRun: values['dry-run'] ?? false, kept: plan.keep.map((e) => e.file), pruned: plan.prune.map((e) => e.file) })
        : [...plan.prune.map((e) => `${verb} ${e.file}`), `${verb} ${plan.prune.length}, kept ${plan.keep.length}.`],
    );
    return EXIT.ok;
  }
  if (sub === 'restore' && values['in-place']) {
    if (values.to || values.clean) throw new UsageError('--in-place restores into the database of --url: give neither --to nor --clean.');
  } else if (sub === 'restore') {
    if (!values.to) throw new UsageError('backup restore needs --to DATABASE (a new database, or an existing one with --clean).');
    if (values.clean && values.confirm !== values.to)
      throw new UsageError(`--clean replaces the database "${values.to}": repeat its name with --confirm ${values.to}.`);
  }

  const database = await databaseUrlFrom(values, log);
  const target = await openTarget({
    url: database?.url,
    password: database?.password,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    log,
  });
  // Ctrl+C stops pg_dump / pg_restore and the server-side work; the partial file is removed.
  const cancel = abortOnSignals();
  const onProgress = progressPrinter(log);
  try {
    switch (sub) {
      case 'create': {
        log(`Backing up ${target.label} …`);
        const created = await createBackup({
          config: target.config,
          outDir: dir,
          scope: { schema: values.schema, tables: values.table },
          tools,
          lockWaitMs: values['lock-wait'] === undefined ? undefined : count(values['lock-wait'], '--lock-wait'),
          signal: cancel.signal,
          onProgress,
        });
        const rows = created.manifest.tables.reduce((s, t) => s + BigInt(t.rows), 0n);
        out(
          json
            ? JSON.stringify({
                file: created.file,
                manifest: created.manifestFile,
                bytes: created.manifest.bytes,
                tables: created.manifest.tables.length,
                rows: String(rows),
              })
            : `Wrote ${created.file} (${created.manifest.tables.length} tables, ${rows} rows) and its manifest.`,
        );
        return EXIT.ok;
      }
      case 'verify': {
        const dumpFile = path.resolve(file!);
        log(`Verifying ${dumpFile} by restoring it on ${target.label} …`);
        const report = await verifyBackup({ config: target.config, file: dumpFile, tools, signal: cancel.signal, onProgress });
        writeVerification(dumpFile, {
          at: new Date().toISOString(),
          ok: report.ok,
          problems: report.problems,
          durationMs: report.durationMs,
        });
        out(json ? JSON.stringify(report) : formatVerify(report));
        return report.ok ? EXIT.ok : EXIT.verifyFailed;
      }
      case 'restore': {
        const dumpFile = path.resolve(file!);
        if (values['in-place']) {
          const database = String(target.config.database ?? '');
          if (values.confirm !== database)
            throw new UsageError(`--in-place drops and recreates tables of "${database}": repeat its name with --confirm ${database}.`);
          log(`Restoring the tables of ${dumpFile} in place, in ${target.label} …`);
          const done = await restoreTablesInPlace({ config: target.config, file: dumpFile, tools, signal: cancel.signal, onProgress });
          out(
            json
              ? JSON.stringify(done)
              : `Restored ${done.tables.join(', ')} in "${done.database}"${done.forgotten.length ? `; migrations ${done.forgotten.join(', ')} are pending again` : ''}.`,
          );
          return EXIT.ok;
        }
        log(`Restoring ${dumpFile} into "${values.to}" on ${target.label} …`);
        const result = await restoreBackup({
          config: target.config,
          file: dumpFile,
          to: values.to!,
          clean: values.clean ?? false,
          noOwner: values['no-owner'] ?? false,
          tools,
          signal: cancel.signal,
          onProgress,
        });
        out(json ? JSON.stringify(result) : `Restored into "${result.database}"${result.created ? ' (a new database)' : ' (replaced)'}.`);
        return EXIT.ok;
      }
    }
  } finally {
    cancel.release();
    await target.close().catch(() => undefined);
  }
  return EXIT.failure;
}
