import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a path really leads, when that is inside `realRoot` (itself a real path): links are
 * followed first, so `up.sql -> /etc/passwd` or a linked folder pointing elsewhere is caught.
 * undefined: it leads outside, or nowhere (a dangling link).
 */
export function realPathInside(realRoot: string, full: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    return undefined;
  }
  return real === realRoot || real.startsWith(realRoot + path.sep) ? real : undefined;
}

/** The warning for an entry that is left out because it leads outside the folder. */
export function outsideWarning(name: string, dir: string): string {
  return `${name} was ignored: it is a link that leads outside ${dir} (or nowhere); the console reads only files inside the migrations folder.`;
}
