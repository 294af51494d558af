import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestPathFor, readManifest, type BackupManifest } from './manifest';
import { selectRetained, type RetentionPolicy } from './retention';

/** The last verify of a backup, kept beside it as `<file>.verify.json`. */
export interface VerificationRecord {
  at: string;
  ok: boolean;
  problems: string[];
  durationMs: number;
}

export interface BackupEntry {
  file: string;
  bytes: number;
  /** When the dump was taken (the manifest's startedAt, else the file's mtime). */
  at: Date;
  manifest: BackupManifest | null;
  /** Why the manifest could not be read, when there is a dump without one. */
  manifestError?: string;
  verification: VerificationRecord | null;
}

const verificationPath = (file: string) => `${file}.verify.json`;

export function writeVerification(file: string, record: VerificationRecord): void {
  writeFileSync(verificationPath(file), `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
}

function readVerification(file: string): VerificationRecord | null {
  try {
    return JSON.parse(readFileSync(verificationPath(file), 'utf8')) as VerificationRecord;
  } catch {
    return null;
  }
}

/** The dumps in a folder (`*.dump`, not the .partial of one being written), newest first. */
export function listBackups(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.dump')) continue;
    const file = path.join(dir, name);
    const stat = statSync(file);
    let manifest: BackupManifest | null = null;
    let manifestError: string | undefined;
    try {
      manifest = readManifest(file);
    } catch (err) {
      manifestError = err instanceof Error ? err.message : String(err);
    }
    entries.push({
      file,
      bytes: stat.size,
      at: manifest ? new Date(manifest.startedAt) : stat.mtime,
      manifest,
      ...(manifestError ? { manifestError } : {}),
      verification: readVerification(file),
    });
  }
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}

export interface PrunePlan {
  keep: BackupEntry[];
  prune: BackupEntry[];
}

/**
 * Retention per database: the policy applies to each database's backups separately. Dumps without
 * a manifest are never pruned (they are not ours, or not complete: a person should look).
 */
export function planPrune(entries: BackupEntry[], policy: RetentionPolicy): PrunePlan {
  const byDatabase = new Map<string, BackupEntry[]>();
  const keep: BackupEntry[] = entries.filter((e) => !e.manifest);
  for (const e of entries)
    if (e.manifest)
      byDatabase.set(`${e.manifest.server}/${e.manifest.database}`, [
        ...(byDatabase.get(`${e.manifest.server}/${e.manifest.database}`) ?? []),
        e,
      ]);
  const prune: BackupEntry[] = [];
  for (const group of byDatabase.values()) {
    const chosen = selectRetained(group, policy);
    keep.push(...chosen.keep);
    prune.push(...chosen.prune);
  }
  return { keep, prune };
}

/** Deletes a backup with its manifest and verify record. */
export function deleteBackup(file: string): void {
  for (const f of [file, manifestPathFor(file), verificationPath(file)]) rmSync(f, { force: true });
}
