import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type PgToolName = 'pg_dump' | 'pg_restore';

export interface PgTool {
  name: PgToolName;
  path: string;
  /** The major version the tool reports (`pg_dump (PostgreSQL) 15.20` → 15). */
  major: number;
  /** The whole `--version` line, for manifests and messages. */
  version: string;
}

export interface PgToolSearch {
  /** A configured folder (`--pg-bin`, TICKETZ_CONSOLE_PG_BIN) tried first. */
  binDir?: string;
  /** Also look in PATH (default true). */
  usePath?: boolean;
  /** The install folders to scan (default: the usual ones on this OS). */
  installDirs?: string[];
}

/** The error when no usable client exists; the message says what to install. */
export class PgToolError extends Error {
  constructor(
    message: string,
    readonly found: PgTool[],
  ) {
    super(message);
  }
}

const exe = (name: string) => (process.platform === 'win32' ? `${name}.exe` : name);

/** Versioned subfolders of `parent` holding a bin/ folder, e.g. /usr/lib/postgresql/15/bin. */
function versionedBins(parent: string, suffix: string[] = ['bin']): string[] {
  try {
    return readdirSync(parent).map((v) => path.join(parent, v, ...suffix));
  } catch {
    return [];
  }
}

/**
 * Where PostgreSQL clients usually live: Debian/Ubuntu's /usr/lib/postgresql/N/bin, the PGDG RPM's
 * /usr/pgsql-N/bin, Homebrew's postgresql@N, Postgres.app's Versions/N/bin, the EDB installer's
 * Program Files\PostgreSQL\N\bin.
 */
export function defaultInstallDirs(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') {
    const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter((r): r is string => !!r);
    return roots.flatMap((r) => versionedBins(path.join(r, 'PostgreSQL')));
  }
  const dirs = [...versionedBins('/usr/lib/postgresql')];
  try {
    dirs.push(
      ...readdirSync('/usr')
        .filter((d) => /^pgsql-\d+$/.test(d))
        .map((d) => path.join('/usr', d, 'bin')),
    );
  } catch {
    // no /usr listing: nothing to add
  }
  if (platform === 'darwin') {
    dirs.push(...versionedBins('/Applications/Postgres.app/Contents/Versions'));
    for (const prefix of ['/opt/homebrew/opt', '/usr/local/opt']) {
      try {
        dirs.push(
          ...readdirSync(prefix)
            .filter((d) => /^(postgresql|libpq)(@\d+)?$/.test(d))
            .map((d) => path.join(prefix, d, 'bin')),
        );
      } catch {
        // no Homebrew there
      }
    }
  }
  return dirs;
}

/** `pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)` → 15; `pg_dump (PostgreSQL) 9.6.24` → 9. */
export function parseToolMajor(versionLine: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionLine);
  if (!match) return undefined;
  const major = Number(match[1]);
  // Before 10 the major version was two numbers (9.6); 9 is older than any server we support anyway.
  return major;
}

async function probe(name: PgToolName, file: string): Promise<PgTool | undefined> {
  try {
    const { stdout } = await run(file, ['--version'], { timeout: 10_000, windowsHide: true });
    const version = stdout.trim();
    const major = parseToolMajor(version);
    return major === undefined ? undefined : { name, path: file, major, version };
  } catch {
    return undefined;
  }
}

function candidatePaths(name: PgToolName, search: PgToolSearch): string[] {
  const dirs: string[] = [];
  const configured = search.binDir ?? process.env.TICKETZ_CONSOLE_PG_BIN;
  if (configured) dirs.push(configured);
  if (search.usePath ?? true) dirs.push(...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  dirs.push(...(search.installDirs ?? defaultInstallDirs()));
  const files = dirs.map((d) => path.join(d, exe(name))).filter((f) => existsSync(f));
  return [...new Set(files)];
}

/** Every copy of the tool found, newest major first (the configured folder wins a tie). */
export async function findPgTools(name: PgToolName, search: PgToolSearch = {}): Promise<PgTool[]> {
  const probed = await Promise.all(candidatePaths(name, search).map((f) => probe(name, f)));
  const tools = probed.filter((t): t is PgTool => t !== undefined);
  return tools
    .map((t, i) => ({ t, i }))
    .sort((a, b) => b.t.major - a.t.major || a.i - b.i)
    .map(({ t }) => t);
}

/** What to install to get a client of `major`, per OS. */
export function installHint(major: number, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return `brew install postgresql@${major} (or Postgres.app with PostgreSQL ${major})`;
  if (platform === 'win32')
    return `the PostgreSQL ${major} installer from https://www.postgresql.org/download/windows/ (command line tools)`;
  return `postgresql-client-${major} (Debian/Ubuntu, from apt.postgresql.org) or postgresql${major} (RHEL/Fedora, PGDG)`;
}

/**
 * The tool to use against a server of `serverMajor`: the newest copy found, which must be at least
 * the server's major version (pg_dump refuses newer servers: "aborting because of server version
 * mismatch"; an older pg_restore cannot read a newer archive). Throws PgToolError saying what to install.
 */
export function chooseTool(name: PgToolName, found: PgTool[], serverMajor: number, platform: NodeJS.Platform = process.platform): PgTool {
  const best = found[0];
  if (best && best.major >= serverMajor) return best;
  const what = best
    ? `The newest ${name} found is version ${best.major} (${best.path}), older than the server (PostgreSQL ${serverMajor}).`
    : `${name} was not found (looked in the configured folder, PATH and the usual install folders).`;
  throw new PgToolError(
    `${what} ${name} must be at least the server's major version. Install ${installHint(serverMajor, platform)}, ` +
      `or point --pg-bin (TICKETZ_CONSOLE_PG_BIN) at a folder with ${name} ${serverMajor} or newer.`,
    found,
  );
}

/** Finds and checks the tool in one step. */
export async function resolvePgTool(name: PgToolName, serverMajor: number, search: PgToolSearch = {}): Promise<PgTool> {
  return chooseTool(name, await findPgTools(name, search), serverMajor);
}
