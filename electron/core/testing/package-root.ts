import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root (migrations/, demo data), for tests, fixtures and benchmarks that read its
 * files: the nearest folder above this module with a package.json (works from source and from dist/).
 */
export const packageRootForTests = findRoot(import.meta.dirname);

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}
