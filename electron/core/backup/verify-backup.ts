import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type pg from 'pg';
import { quoteIdent } from '../../../shared/domain/quote-ident';
import { assertCanCreateDatabase, openSession, serverMajorOf } from './connect';
import { fileDigest, readManifest, type BackupManifest } from './manifest';
import { pgRestoreInto } from './pg-restore-into';
import type { PgToolSearch } from './pg-tools';
import { compareChecksums, tableChecksums, type TableDifference } from './table-checksums';

export interface VerifyOptions {
  config: pg.ClientConfig;
  file: string;
  tools?: PgToolSearch;
  signal?: AbortSignal;
  onProgress?: (p: { fraction: number; detail: string }) => void;
}

export interface VerifyReport {
  ok: boolean;
  file: string;
  /** Why it is not proven, in words (empty when ok). */
  problems: string[];
  differences: TableDifference[];
  tables: number;
  rows: string;
  scratchDatabase: string | null;
  /** What the check could not cover (a partial dump's indexes and triggers). */
  notes: string[];
  durationMs: number;
}

/**
 * Proves a backup by restoring it: the file must match its manifest's sha256 and size, restore
 * without an error into a scratch database on the given server, and hold the manifest's row
 * counts and checksums there. The scratch database is dropped afterwards, whatever happened.
 */
const partial = (m: BackupManifest | undefined) => !!(m?.scope.tables?.length || m?.scope.schema);

export async function verifyBackup(options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  const report = options.onProgress ?? (() => undefined);
  const result = (problems: string[], manifest?: BackupManifest, differences: TableDifference[] = [], scratch: string | null = null) => ({
    ok: problems.length === 0,
    file: options.file,
    problems,
    differences,
    tables: manifest?.tables.length ?? 0,
    rows: String((manifest?.tables ?? []).reduce((sum, t) => sum + BigInt(t.rows), 0n)),
    scratchDatabase: scratch,
    notes: partial(manifest)
      ? [
          'A dump of chosen tables or one schema was restored without its post-data (indexes, constraints, triggers), which may name objects outside it; its rows were checked.',
        ]
      : [],
    durationMs: performance.now() - started,
  });
  if (!existsSync(options.file)) return result([`${options.file} does not exist.`]);
  const manifest = readManifest(options.file);

  report({ fraction: 0.01, detail: 'sha256 of the file' });
  const digest = await fileDigest(options.file);
  if (digest.bytes !== manifest.bytes)
    return result([`The file has ${digest.bytes} bytes, the manifest says ${manifest.bytes}: it is truncated or was changed.`], manifest);
  if (digest.sha256 !== manifest.sha256) return result([`The file's sha256 differs from the manifest's: it was altered.`], manifest);

  const scratch = `ticketz_verify_${randomBytes(5).toString('hex')}`;
  const admin = await openSession(options.config);
  try {
    const serverMajor = await serverMajorOf(admin);
    await assertCanCreateDatabase(admin, 'Verify');
    await admin.query(`CREATE DATABASE /* ticketz-console */ ${quoteIdent(scratch)} TEMPLATE template0`).catch((err: unknown) => {
      throw new Error(
        `Could not create the scratch database (${err instanceof Error ? err.message : String(err)}). The role needs CREATEDB.`,
      );
    });
    try {
      // A dump of chosen tables holds no CREATE SCHEMA: make their schemas first.
      if (manifest.scope.tables?.length) {
        const s = await openSession(options.config, scratch);
        try {
          for (const schema of new Set(manifest.tables.map((t) => t.schema)))
            await s.query(`CREATE SCHEMA /* ticketz-console */ IF NOT EXISTS ${quoteIdent(schema)}`);
        } finally {
          await s.end().catch(() => undefined);
        }
      }
      try {
        await pgRestoreInto({
          ...options,
          database: scratch,
          serverMajor,
          manifest,
          noOwner: true,
          sections: partial(manifest) ? ['pre-data', 'data'] : undefined,
          onProgress: (p) => report({ ...p, fraction: p.fraction * 0.8 }),
        });
      } catch (err) {
        if ((err as { code?: string }).code === '57014') throw err;
        return result([`pg_restore failed: ${err instanceof Error ? err.message : String(err)}`], manifest, [], scratch);
      }
      report({ fraction: 0.85, detail: 'comparing row counts and checksums' });
      const restored = await openSession(options.config, scratch);
      try {
        await restored.query('SET /* ticketz-console */ statement_timeout = 0');
        const present = await restored.query<{ schema: string; name: string }>(
          `SELECT /* ticketz-console */ n.nspname AS schema, c.relname AS name
             FROM pg_catalog.pg_class AS c JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r'`,
        );
        const have = new Set(present.rows.map((r) => `${r.schema}.${r.name}`));
        const actual = await tableChecksums(
          restored,
          manifest.tables.filter((t) => have.has(`${t.schema}.${t.name}`)),
          (done) => report({ fraction: 0.85 + (0.15 * done) / Math.max(1, manifest.tables.length), detail: 'checksums' }),
        );
        const differences = compareChecksums(manifest.tables, actual);
        const problems = differences.map((d) =>
          d.problem === 'missing'
            ? `${d.schema}.${d.name} is missing after the restore.`
            : d.problem === 'rows'
              ? `${d.schema}.${d.name} has ${d.actual!.rows} rows after the restore, the manifest says ${d.expected!.rows}.`
              : `${d.schema}.${d.name} has the right row count but different contents (checksum).`,
        );
        report({ fraction: 1, detail: problems.length ? 'differences found' : 'proven' });
        return result(problems, manifest, differences, scratch);
      } finally {
        await restored.end().catch(() => undefined);
      }
    } finally {
      await admin.query(`DROP DATABASE /* ticketz-console */ IF EXISTS ${quoteIdent(scratch)} WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}
