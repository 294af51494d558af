import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Write-then-rename, so a crash mid-write leaves the previous file, never half of one. */
export function writeJsonAtomic(filePath: string, value: unknown, mode = 0o600): void {
  const tmp = `${filePath}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2), { mode });
  renameSync(tmp, filePath);
}

export function readJsonOr<T>(filePath: string, fallback: T): T {
  if (!existsSync(filePath)) return fallback;
  return JSON.parse(readFileSync(filePath, 'utf8')) as T;
}
