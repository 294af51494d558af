import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_MAX_AGE_MS } from './export-registry';

/**
 * Startup housekeeping: exports are working copies (the user keeps the one they saved or
 * downloaded), so files in `<dataDir>/exports/` older than a day are deleted when the console
 * starts. Only regular files directly in that folder; symlinks and folders are left alone.
 * Returns how many files went; a missing folder is nothing to do.
 */
export async function removeStaleExports(exportsDir: string, now = Date.now(), maxAgeMs = EXPORT_MAX_AGE_MS): Promise<number> {
  let names: string[];
  try {
    names = await readdir(exportsDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(exportsDir, name);
    const stat = await lstat(file).catch(() => undefined);
    if (!stat?.isFile() || now - stat.mtimeMs <= maxAgeMs) continue;
    await unlink(file).then(
      () => removed++,
      () => undefined, // gone already, or not ours to delete: the next start tries again
    );
  }
  return removed;
}
