import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The package root (package.json, migrations/, dist/, the demo data) seen from a module's folder:
 * the nearest folder at or above `start` with a package.json — the source tree in development,
 * dist/'s parent once bundled. undefined when there is none (a bundle copied elsewhere).
 */
export function findPackageRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
