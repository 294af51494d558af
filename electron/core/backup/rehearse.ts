import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { quoteIdent } from '../../../shared/domain/quote-ident';
import { discoverMigrations } from '../migrations/discover';
import { MigrationEngine } from '../migrations/engine';
import { analyzeLocks } from '../migrations/locks/analyze-locks';
import { listBackups } from './backup-folder';
import { assertCanCreateDatabase, openSession, serverMajorOf } from './connect';
import { createBackup } from './create-backup';
import { readManifest } from './manifest';
import { pgRestoreInto } from './pg-restore-into';
import type { PgToolSearch } from './pg-tools';
import { dumpedTables, tableChecksums } from './table-checksums';

export interface RehearseOptions {
  config: pg.ClientConfig;
  dir: string;
  /** The backup to rehearse on; else the newest of `backupsDir` for this database; else a fresh dump. */
  fromBackup?: string;
  backupsDir?: string;
  /** Tables ('schema.name') whose lost rows do not fail the rehearsal (a migration that deletes on purpose). */
  allowLoss?: string[];
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  tools?: PgToolSearch;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface RehearsedStatement {
  line: number;
  summary: string;
  durationMs: number;
  locks: { table: string; lock: string; blocksReads: boolean; blocksWrites: boolean }[];
}

export interface RehearsedMigration {
  version: string;
  name: string;
  ok: boolean;
  error?: string;
  durationMs: number;
  statements: RehearsedStatement[];
  /** Rows of each table the migration touches, before and after it (null: the table did not / no longer exists). */
  tables: { table: string; rowsBefore: string | null; rowsAfter: string | null }[];
}

export interface RehearsalReport {
  ok: boolean;
  backup: { file: string; source: 'given' | 'latest' | 'fresh'; takenAt: string };
  scratchDatabase: string;
  migrations: RehearsedMigration[];
  /** Tables no migration touched: their checksum before and after must match. */
  untouched: { table: string; rows: string; unchanged: boolean }[];
  /** Tables that lost rows (or were dropped), minus allowLoss. */
  lostRows: { table: string; before: string; after: string | null }[];
  problems: string[];
}

const key = (schema: string | null, name: string) => `${schema ?? 'public'}.${name}`;

async function rowCount(client: pg.ClientBase, table: string): Promise<string | null> {
  const [schema, name] = [table.slice(0, table.indexOf('.')), table.slice(table.indexOf('.') + 1)];
  const { rows } = await client.query<{ oid: string | null }>('SELECT /* ticketz-console */ pg_catalog.to_regclass($1)::oid::text AS oid', [
    `${quoteIdent(schema)}.${quoteIdent(name)}`,
  ]);
  if (!rows[0]?.oid) return null;
  const counted = await client.query<{ n: string }>(
    `SELECT /* ticketz-console */ count(*)::text AS n FROM ${quoteIdent(schema)}.${quoteIdent(name)}`,
  );
  return counted.rows[0]!.n;
}

/** Which backup to restore: the given file, the newest for this database in backupsDir, or a fresh dump into a temp folder. */
async function pickBackup(options: RehearseOptions, database: string, tmp: string) {
  if (options.fromBackup) return { file: path.resolve(options.fromBackup), source: 'given' as const };
  const latest = options.backupsDir ? listBackups(options.backupsDir).find((e) => e.manifest?.database === database) : undefined;
  if (latest) return { file: latest.file, source: 'latest' as const };
  options.log?.('No backup given: taking a fresh dump …');
  const created = await createBackup({ config: options.config, outDir: tmp, tools: options.tools, signal: options.signal });
  return { file: created.file, source: 'fresh' as const };
}

/**
 * Rehearses the pending migrations on a restored copy: restore a backup into a scratch database on
 * the same server, apply the migrations there one at a time, and report per migration and per
 * statement the duration, the locks taken (the lock analysis, against the copy as it is just
 * before), the rows of each touched table before and after, and whether every untouched table's
 * checksum is unchanged. The source database is only read (by pg_dump); the copy is dropped.
 */
export async function rehearseMigrations(options: RehearseOptions): Promise<RehearsalReport> {
  const log = options.log ?? (() => undefined);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ticketz-rehearse-'));
  const admin = await openSession(options.config);
  const scratch = `ticketz_rehearse_${randomBytes(5).toString('hex')}`;
  try {
    const serverMajor = await serverMajorOf(admin);
    await assertCanCreateDatabase(admin, 'Rehearsal');
    const database = options.config.database ?? 'postgres';
    const backup = await pickBackup(options, database, tmp);
    const manifest = readManifest(backup.file);
    log(`Restoring ${backup.file} (${backup.source}) into the scratch database ${scratch} …`);
    await admin.query(`CREATE DATABASE /* ticketz-console */ ${quoteIdent(scratch)} TEMPLATE template0`);
    try {
      await pgRestoreInto({
        config: options.config,
        file: backup.file,
        database: scratch,
        serverMajor,
        manifest,
        tools: options.tools,
        signal: options.signal,
      });
      const pool = new pg.Pool({ ...options.config, database: scratch, max: 3 });
      pool.on('error', () => undefined);
      try {
        return await rehearseOn(pool, scratch, options, { file: backup.file, source: backup.source, takenAt: manifest.startedAt });
      } finally {
        await pool.end().catch(() => undefined);
      }
    } finally {
      await admin.query(`DROP DATABASE /* ticketz-console */ IF EXISTS ${quoteIdent(scratch)} WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await admin.end().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function rehearseOn(
  pool: pg.Pool,
  scratch: string,
  options: RehearseOptions,
  backup: RehearsalReport['backup'],
): Promise<RehearsalReport> {
  const log = options.log ?? (() => undefined);
  const probe = await pool.connect();
  // The console's own schema holds the migration history, which applying of course changes.
  const allTables = (await dumpedTables(probe))
    .filter((t) => t.schema !== 'ticketz_console')
    .map((t) => ({ schema: t.schema, name: t.name }));
  const before = new Map((await tableChecksums(probe, allTables)).map((t) => [key(t.schema, t.name), t]));
  const scripts = new Map(discoverMigrations(options.dir).migrations.map((m) => [m.version, m.up.sql]));
  const migrations: RehearsedMigration[] = [];
  const touched = new Set<string>();
  const problems: string[] = [];
  try {
    let marks: { at: number; n: number; line: number; summary: string }[] = [];
    const engine = new MigrationEngine({
      pool,
      dir: options.dir,
      lockTimeoutMs: options.lockTimeoutMs,
      statementTimeoutMs: options.statementTimeoutMs,
      onEvent: (e) => {
        if (e.type === 'statement') marks.push({ at: performance.now(), n: e.statement, line: e.line, summary: e.summary });
      },
    });
    const plan = await engine.plan({ direction: 'up' });
    if (plan.blockers.length) problems.push(...plan.blockers.map((b) => b.message));
    for (const step of plan.blockers.length ? [] : plan.steps) {
      if (options.signal?.aborted) throw Object.assign(new Error('The rehearsal was cancelled.'), { code: '57014' });
      const analysis = await analyzeLocks(probe, scripts.get(step.version) ?? '');
      const tables = [
        ...new Set(analysis.flatMap((s) => s.locks.filter((l) => l.relationKind !== 'index').map((l) => key(l.schema, l.name)))),
      ];
      for (const t of tables) touched.add(t);
      const rowsBefore = await Promise.all(tables.map((t) => rowCount(probe, t)));
      log(`→ ${step.version} ${step.name}`);
      marks = [];
      const started = performance.now();
      let error: string | undefined;
      try {
        await engine.up({ to: step.version });
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const ended = performance.now();
      const statements = marks.map((m, i) => ({
        line: m.line,
        summary: m.summary,
        durationMs: (marks[i + 1]?.at ?? ended) - m.at,
        locks: (analysis.find((s) => s.index === m.n - 1)?.locks ?? []).map((l) => ({
          table: key(l.schema, l.name),
          lock: l.lock,
          blocksReads: l.blocksReads,
          blocksWrites: l.blocksWrites,
        })),
      }));
      const rowsAfter = await Promise.all(tables.map((t) => rowCount(probe, t)));
      migrations.push({
        version: step.version,
        name: step.name,
        ok: !error,
        ...(error ? { error } : {}),
        durationMs: ended - started,
        statements,
        tables: tables.map((t, i) => ({ table: t, rowsBefore: rowsBefore[i] ?? null, rowsAfter: rowsAfter[i] ?? null })),
      });
      if (error) {
        problems.push(`${step.version} ${step.name} failed: ${error}`);
        break;
      }
    }
    const untouchedTables = allTables.filter((t) => !touched.has(key(t.schema, t.name)));
    const after = await tableChecksums(probe, untouchedTables);
    const untouched = after.map((a) => {
      const b = before.get(key(a.schema, a.name))!;
      return { table: key(a.schema, a.name), rows: a.rows, unchanged: a.rows === b.rows && a.checksum === b.checksum };
    });
    for (const u of untouched)
      if (!u.unchanged) problems.push(`${u.table} changed although no migration names it (a trigger or function?).`);
    const allowed = new Set(options.allowLoss ?? []);
    const lostRows: RehearsalReport['lostRows'] = [];
    for (const t of touched) {
      const was = before.get(t);
      if (!was || allowed.has(t)) continue;
      const now = await rowCount(probe, t);
      if (now === null || BigInt(now) < BigInt(was.rows)) lostRows.push({ table: t, before: was.rows, after: now });
    }
    for (const l of lostRows) problems.push(`${l.table} lost rows: ${l.before} before, ${l.after ?? 'dropped'} after.`);
    return { ok: problems.length === 0, backup, scratchDatabase: scratch, migrations, untouched, lostRows, problems };
  } finally {
    probe.release();
  }
}
