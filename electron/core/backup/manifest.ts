import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { TableChecksum } from './table-checksums';

/** What a backup file holds, written beside it as `<file>.manifest.json`. */
export interface BackupManifest {
  format: 'ticketz-console-backup/1';
  /** The dump's file name (same folder as the manifest). */
  file: string;
  database: string;
  /** host:port of the server it came from (no credentials). */
  server: string;
  serverVersion: string;
  serverMajor: number;
  pgDump: { path: string; version: string };
  startedAt: string;
  finishedAt: string;
  /** The exported snapshot pg_dump ran in; the counts and checksums were computed in it too. */
  snapshot: string;
  scope: { schema?: string; tables?: string[] };
  /** A snapshot taken before migrations: the tables they touch, restorable in place (restoreTablesInPlace). */
  preMigration?: { dir: string; versions: string[] };
  bytes: number;
  sha256: string;
  checksumMethod: string;
  tables: TableChecksum[];
}

export const manifestPathFor = (dumpFile: string) => `${dumpFile}.manifest.json`;

export function writeManifest(dumpFile: string, manifest: BackupManifest): string {
  const file = manifestPathFor(dumpFile);
  // Written to a temp name first: a crash never leaves half a manifest beside a good dump.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return file;
}

export class ManifestError extends Error {}

export function readManifest(dumpFile: string): BackupManifest {
  const file = manifestPathFor(dumpFile);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ManifestError(`No readable manifest ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const m = parsed as Partial<BackupManifest>;
  if (m.format !== 'ticketz-console-backup/1' || !Array.isArray(m.tables) || typeof m.sha256 !== 'string')
    throw new ManifestError(`${file} is not a ticketz-console backup manifest.`);
  return m as BackupManifest;
}

/** sha256 and size of a file, streamed (dumps can be large). */
export function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    createReadStream(file)
      .on('data', (chunk) => {
        bytes += chunk.length;
        hash.update(chunk);
      })
      .on('error', reject)
      .on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
  });
}
