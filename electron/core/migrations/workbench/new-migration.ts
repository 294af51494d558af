import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RpcError } from '../../../../shared/rpc/rpc-error';
import { discoverMigrations } from '../discover';
import { compareVersions } from '../version';
import { resolveFolder } from './folder';

/** 14 digits (YYYYMMDDHHMMSS, dbmate/golang-migrate -seq=false) or 12 (…HHMM): a timestamp-numbered folder. */
const TIMESTAMP = /^\d{12}(\d{2})?$/;

function timestamp(now: Date, digits: number): string {
  const iso = now.toISOString().replace(/\D/g, ''); // YYYYMMDDHHMMSSmmm
  return iso.slice(0, digits);
}

/**
 * The version after the newest one, in the folder's own style: a timestamp when the folder uses
 * timestamps; otherwise the last number incremented with its width kept (0012 → 0013, 1.2 → 1.3).
 * An empty folder starts at 0001, like the reference schema.
 */
export function nextVersion(versions: string[], now: Date): string {
  const newest = [...versions].sort(compareVersions).at(-1);
  if (newest === undefined) return '0001';
  if (TIMESTAMP.test(newest)) {
    const stamp = timestamp(now, newest.length);
    return stamp > newest ? stamp : (BigInt(newest) + 1n).toString();
  }
  const last = /(\d+)(\D*)$/.exec(newest);
  if (!last) return `${newest}.1`;
  const [, digits, tail] = last as unknown as [string, string, string];
  const incremented = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  return newest.slice(0, newest.length - digits.length - tail.length) + incremented + tail;
}

export interface NewMigration {
  name: string;
  purpose: string;
  author?: string;
  upSql?: string;
  downSql?: string;
}

function header(lines: string[], purpose: string, author: string | undefined, now: Date): string {
  const [first = '', ...rest] = purpose.split(/\r?\n/);
  return [
    ...lines,
    `-- Purpose: ${first}`,
    ...rest.map((l) => `--          ${l}`),
    ...(author ? [`-- Author:  ${author}`] : []),
    `-- Date:    ${now.toISOString().slice(0, 10)}`,
    '',
  ].join('\n');
}

const UP_TEMPLATE =
  '-- Runs in one transaction with lock_timeout set by the console; statements that cannot run in one\n' +
  '-- (CREATE INDEX CONCURRENTLY …) run outside it on their own.\n\n';
const DOWN_TEMPLATE = '-- Undo the up script exactly: Verify compares the catalog after this with the catalog before up.\n\n';

/** Refuses a file name that would land outside the folder (path traversal) however it was built. */
function inside(dir: string, file: string): string {
  const full = path.resolve(dir, file);
  if (path.dirname(full) !== dir || path.basename(full) !== file)
    throw new RpcError('BAD_REQUEST', `The file name ${JSON.stringify(file)} would be written outside ${dir}. Use a plain snake_case name.`);
  return full;
}

/**
 * Writes a new up/down pair into the migrations folder with the next version and a header, in the
 * folder's format (this project's NNNN_name.up/.down.sql, or Flyway's V/U pair). Never overwrites:
 * files are created with O_EXCL, and the down file is removed again when the up file cannot be written.
 */
export function createMigrationFiles(dirInput: string, spec: NewMigration, now = new Date()) {
  if (!/^[a-z0-9][a-z0-9_]{0,99}$/.test(spec.name))
    throw new RpcError('BAD_REQUEST', `The name ${JSON.stringify(spec.name)} is not snake_case. Use lower-case letters, digits and underscores.`);
  const dir = resolveFolder(dirInput);
  const discovery = discoverMigrations(dir);
  const versioned = discovery.migrations.filter((m) => !m.repeatable);
  const newest = versioned.at(-1);
  const format = newest?.format ?? 'up-down';
  if (format !== 'up-down' && format !== 'flyway')
    throw new RpcError('BAD_REQUEST', `${dir} holds ${format} migrations; the console creates up/down pairs (NNNN_name.up.sql) and Flyway V/U pairs only. Create this one with your tool.`);
  const version = nextVersion(versioned.map((m) => m.version), now);
  const [upFile, downFile] =
    format === 'flyway' ? [`V${version}__${spec.name}.sql`, `U${version}__${spec.name}.sql`] : [`${version}_${spec.name}.up.sql`, `${version}_${spec.name}.down.sql`];
  const upPath = inside(dir, upFile);
  const downPath = inside(dir, downFile);
  const up = header([`-- ${version}_${spec.name} (up)`], spec.purpose, spec.author, now) + (spec.upSql?.trim() ? `\n${spec.upSql.trim()}\n` : `\n${UP_TEMPLATE}`);
  const down = header([`-- ${version}_${spec.name} (down)`], `undo ${version}_${spec.name}`, spec.author, now) + (spec.downSql?.trim() ? `\n${spec.downSql.trim()}\n` : `\n${DOWN_TEMPLATE}`);
  const write = (full: string, text: string) => {
    try {
      writeFileSync(full, text, { flag: 'wx', mode: 0o644 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new RpcError('CONFLICT', `${path.basename(full)} already exists in ${dir}; nothing was overwritten. Refresh the list and try again.`);
      throw new RpcError('BAD_REQUEST', `${full} could not be written (${err instanceof Error ? err.message : String(err)}). Check the folder's permissions.`);
    }
  };
  write(upPath, up);
  try {
    write(downPath, down);
  } catch (err) {
    // Leave the folder as it was rather than half a migration.
    rmSync(upPath, { force: true });
    throw err;
  }
  return { version, format: format as 'up-down' | 'flyway', upFile, downFile, upPath, downPath };
}
