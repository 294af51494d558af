import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPackageRoot } from '../package-root';

/**
 * The reference schema's folder, `migrations/` at the package root: found by walking up from
 * this file (source in development, dist/ when bundled) to the nearest package.json.
 */
export function defaultMigrationsDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  const root = findPackageRoot(from);
  return root ? path.join(root, 'migrations') : path.resolve('migrations');
}
