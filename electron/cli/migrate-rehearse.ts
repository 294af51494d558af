import path from 'node:path';
import { parseArgs } from 'node:util';
import { PgToolError } from '../core/backup/pg-tools';
import { rehearseMigrations, type RehearsalReport } from '../core/backup/rehearse';
import { defaultDataDir } from '../core/data-dir';
import { defaultMigrationsDir } from '../core/migrations/default-dir';
import { abortOnSignals, helpFlag, withUsage } from './common';
import { EXIT } from './exit-codes';
import { openTarget } from './migrate-target';
import { databaseUrlFrom, databaseUrlOptions } from './secret-input';

const usage = `Usage: ticketz-console migrate rehearse [--url URL] [--dir D] [--from-backup FILE | --backups-dir D] [--json]

Restores a backup into a scratch database on the same server (the given FILE, else the newest backup
of this database in --backups-dir, else a fresh pg_dump), applies the pending migrations there one
at a time, and reports per migration and statement: duration, locks taken, rows of each touched table
before and after, and whether every untouched table's checksum is unchanged. The source database is
never changed; the scratch database is dropped.

Options:
  --url URL              the database (default: the built-in demo database)
  --dir D                the migrations folder (default: ${defaultMigrationsDir()})
  --from-backup FILE     rehearse on this backup (a ticketz-console backup with its manifest)
  --backups-dir D        else the newest backup of this database in D
  --allow-loss T         a table ('schema.name') whose lost rows are expected (repeatable)
  --lock-timeout MS, --statement-timeout MS   as for migrate up
  --pg-bin DIR           where pg_dump and pg_restore are
  --json                 the whole report as JSON on stdout
  --data-dir D           where the demo database lives (default: ${defaultDataDir()})

Exit codes: 0 the migrations ran and nothing was lost, ${EXIT.sqlError} a migration failed, ${EXIT.rowsLost} rows were lost (or an untouched
table changed), ${EXIT.toolMissing} no pg_dump/pg_restore as new as the server, 1 other failure, 2 usage.`;

const ms = (n: number) => (n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(2)} s`);

export function formatRehearsal(r: RehearsalReport): string[] {
  const lines = [`Rehearsed on ${r.backup.file} (${r.backup.source}, taken ${r.backup.takenAt}), in ${r.scratchDatabase} (dropped):`, ''];
  if (r.migrations.length === 0) lines.push('  Nothing pending.');
  for (const m of r.migrations) {
    lines.push(`  ${m.ok ? '✓' : '✗'} ${m.version} ${m.name}  ${ms(m.durationMs)}${m.error ? `  FAILED: ${m.error}` : ''}`);
    for (const s of m.statements) {
      const locks = s.locks.map((l) => `${l.lock} on ${l.table}`).join(', ');
      lines.push(`      line ${s.line}: ${s.summary}  ${ms(s.durationMs)}${locks ? `  [${locks}]` : ''}`);
    }
    for (const t of m.tables) lines.push(`      ${t.table}: ${t.rowsBefore ?? '—'} → ${t.rowsAfter ?? '—'} rows`);
  }
  const changed = r.untouched.filter((u) => !u.unchanged);
  lines.push('', `Untouched tables: ${r.untouched.length}, ${changed.length ? `${changed.length} CHANGED` : 'all checksums unchanged'}.`);
  lines.push(...r.problems.map((p) => `Problem: ${p}`));
  lines.push(r.ok ? 'The rehearsal passed.' : 'The rehearsal FAILED.');
  return lines;
}

export async function runMigrateRehearse(argv: string[]): Promise<number> {
  const { values, positionals } = withUsage(usage, () =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        ...helpFlag,
        ...databaseUrlOptions,
        dir: { type: 'string' },
        'from-backup': { type: 'string' },
        'backups-dir': { type: 'string' },
        'allow-loss': { type: 'string', multiple: true },
        'lock-timeout': { type: 'string' },
        'statement-timeout': { type: 'string' },
        'pg-bin': { type: 'string' },
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
      },
    }),
  );
  if (values.help) {
    console.log(usage);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    console.error(`Unexpected argument "${positionals[0]}".\n\n${usage}`);
    return EXIT.usage;
  }
  const log = (line: string) => console.error(line);
  const database = await databaseUrlFrom(values, log);
  const target = await openTarget({
    url: database?.url,
    password: database?.password,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    log,
  });
  // SIGTERM too: a timer unit's stop must drop the scratch database, as Ctrl+C does.
  const cancel = abortOnSignals();
  try {
    const report = await rehearseMigrations({
      config: target.config,
      dir: path.resolve(values.dir ?? defaultMigrationsDir()),
      fromBackup: values['from-backup'],
      backupsDir: values['backups-dir'] ? path.resolve(values['backups-dir']) : undefined,
      allowLoss: values['allow-loss'],
      lockTimeoutMs: values['lock-timeout'] === undefined ? undefined : Number(values['lock-timeout']),
      statementTimeoutMs: values['statement-timeout'] === undefined ? undefined : Number(values['statement-timeout']),
      tools: values['pg-bin'] ? { binDir: values['pg-bin'] } : undefined,
      signal: cancel.signal,
      log,
    });
    console.log(values.json ? JSON.stringify(report) : formatRehearsal(report).join('\n'));
    if (report.migrations.some((m) => !m.ok)) return EXIT.sqlError;
    return report.ok ? EXIT.ok : report.lostRows.length || report.untouched.some((u) => !u.unchanged) ? EXIT.rowsLost : EXIT.failure;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return err instanceof PgToolError ? EXIT.toolMissing : EXIT.failure;
  } finally {
    cancel.release();
    await target.close().catch(() => undefined);
  }
}
