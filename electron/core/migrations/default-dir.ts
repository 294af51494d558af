import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The reference schema's folder, `migrations/` at the package root: found by walking up from
 * this file (source in development, dist/ when bundled) to the nearest package.json.
 */
export function defaultMigrationsDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('migrations');
    dir = parent;
  }
  return path.join(dir, 'migrations');
}
