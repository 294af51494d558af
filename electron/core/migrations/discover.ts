import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MigrationFormat } from '../../../shared/contract/migrations';
import { splitDbmate } from './dbmate';
import { MigrationError } from './errors';
import { outsideWarning, realPathInside } from './inside-folder';
import type { DiscoveredMigration, Discovery, MigrationScript } from './types';
import { compareVersions, versionKey } from './version';

/**
 * File-name shapes, one per tool (their documentation):
 * - golang-migrate / sqlx / this project: `<version>_<name>.up.sql` + `.down.sql`
 * - Flyway: `V<version>__<desc>.sql`, undo `U<version>__<desc>.sql`, repeatable `R__<desc>.sql`
 *   (version parts separated by `.` or `_`)
 * - dbmate: `<version>_<name>.sql` holding `-- migrate:up` and `-- migrate:down` sections
 * - diesel: a folder `<version>_<name>/` with `up.sql` and `down.sql` (optional metadata.toml)
 * - plain: any other numbered `.sql` file — applied, never rolled back
 */
const VERSION = String.raw`\d+(?:[.-]\d+)*`;
const UP_DOWN = new RegExp(String.raw`^(${VERSION})(?:_(.*?))?\.(up|down)\.sql$`, 'i');
const FLYWAY = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/;
const FLYWAY_REPEATABLE = /^R__(.+)\.sql$/;
const NUMBERED = new RegExp(String.raw`^(${VERSION})(?:[_-](.*))?\.sql$`, 'i');
const DIESEL_DIR = new RegExp(String.raw`^(${VERSION})_(.+)$`);

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

function script(dir: string, file: string, sql: string, firstLine = 1, transaction = true): MigrationScript {
  return { path: path.join(dir, file), file, sql, checksum: checksumOf(sql), firstLine, transaction };
}

function read(dir: string, file: string): string {
  // A UTF-8 byte order mark is not SQL; editors on Windows add it.
  return readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
}

interface Found {
  version: string;
  name: string;
  format: MigrationFormat;
  up?: MigrationScript;
  down?: MigrationScript;
  repeatable?: boolean;
}

/** Reads a migrations folder in any of the supported formats; versions sorted numerically. */
export function discoverMigrations(dir: string): Discovery {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new MigrationError('discovery', `Migrations folder not found: ${dir}. Pass the folder that holds your .sql migrations (--dir).`);
  const warnings: string[] = [];
  const byFile = new Map<string, Found>();
  const entry = (key: string, init: Found): Found => {
    const existing = byFile.get(key);
    if (existing) return existing;
    byFile.set(key, init);
    return init;
  };

  const root = realpathSync(dir);
  const names = readdirSync(dir).sort();
  for (const name of names) {
    const full = path.join(dir, name);
    if (realPathInside(root, full) === undefined) {
      if (name.toLowerCase().endsWith('.sql') || DIESEL_DIR.test(name)) warnings.push(outsideWarning(name, dir));
      continue;
    }
    if (statSync(full).isDirectory()) {
      const diesel = DIESEL_DIR.exec(name);
      if (diesel && existsSync(path.join(full, 'up.sql'))) {
        const outside = ['up.sql', 'down.sql', 'metadata.toml'].filter((f) => existsSync(path.join(full, f)) && !realPathInside(root, path.join(full, f)));
        if (outside.length > 0) warnings.push(outsideWarning(`${name}/${outside.join(', ')}`, dir));
        else byFile.set(`diesel:${name}`, dieselMigration(dir, name, diesel[1]!, diesel[2]!, warnings));
      }
      continue;
    }
    if (!name.toLowerCase().endsWith('.sql')) continue;

    const upDown = UP_DOWN.exec(name);
    if (upDown) {
      const [, version, label = '', direction] = upDown as unknown as [string, string, string | undefined, string];
      const m = entry(`updown:${version}_${label}`, { version, name: label, format: 'up-down' });
      m[direction.toLowerCase() as 'up' | 'down'] = script(dir, name, read(dir, name));
      continue;
    }
    const flyway = FLYWAY.exec(name);
    if (flyway) {
      const [, kind, version, desc] = flyway as unknown as [string, 'V' | 'U', string, string];
      const m = entry(`flyway:${versionKey(version)}`, { version, name: desc.replace(/_/g, ' '), format: 'flyway' });
      const taken = kind === 'V' ? m.up : m.down;
      if (taken) throw duplicate(version, taken.file, name);
      if (kind === 'V') {
        m.up = script(dir, name, read(dir, name));
        m.version = version;
        m.name = desc.replace(/_/g, ' ');
      } else m.down = script(dir, name, read(dir, name));
      continue;
    }
    const repeatable = FLYWAY_REPEATABLE.exec(name);
    if (repeatable) {
      byFile.set(`flyway-r:${name}`, { version: '', name: repeatable[1]!.replace(/_/g, ' '), format: 'flyway', repeatable: true, up: script(dir, name, read(dir, name)) });
      continue;
    }
    const numbered = NUMBERED.exec(name);
    if (numbered) {
      const [, version, label = ''] = numbered as unknown as [string, string, string | undefined];
      const sql = read(dir, name);
      const dbmate = splitDbmate(sql);
      if (dbmate) {
        byFile.set(`dbmate:${name}`, {
          version,
          name: label,
          format: 'dbmate',
          up: script(dir, name, dbmate.up.sql, dbmate.up.firstLine, dbmate.up.transaction),
          down: dbmate.down && dbmate.down.sql.trim() !== '' ? script(dir, name, dbmate.down.sql, dbmate.down.firstLine, dbmate.down.transaction) : undefined,
        });
      } else byFile.set(`plain:${name}`, { version, name: label, format: 'plain', up: script(dir, name, sql) });
      continue;
    }
    warnings.push(`${name} was ignored: its name matches no migration format (e.g. 0001_name.up.sql, V1__name.sql, 20240101120000_name.sql).`);
  }

  const migrations: DiscoveredMigration[] = [];
  for (const m of byFile.values()) {
    if (!m.up) {
      warnings.push(`${m.down?.file ?? m.version} was ignored: it is a rollback script without its migration.`);
      continue;
    }
    migrations.push({
      version: m.version,
      key: m.repeatable ? `R:${m.name}` : versionKey(m.version),
      name: m.name,
      format: m.format,
      up: m.up,
      ...(m.down ? { down: m.down } : {}),
      repeatable: m.repeatable ?? false,
    });
  }
  assertUniqueVersions(migrations);
  migrations.sort((a, b) => Number(a.repeatable) - Number(b.repeatable) || compareVersions(a.version, b.version) || a.name.localeCompare(b.name));
  return { dir, migrations, warnings };
}

function dieselMigration(dir: string, folder: string, version: string, name: string, warnings: string[]): Found {
  // diesel's metadata.toml: `run_in_transaction = false` (https://docs.rs/diesel_migrations).
  let transaction = true;
  const metadata = path.join(dir, folder, 'metadata.toml');
  if (existsSync(metadata)) {
    const setting = /^\s*run_in_transaction\s*=\s*(\w+)/m.exec(readFileSync(metadata, 'utf8'));
    if (setting?.[1] === 'false') transaction = false;
    else if (setting && setting[1] !== 'true') warnings.push(`${folder}/metadata.toml: run_in_transaction must be true or false; using true.`);
  }
  const up = script(dir, `${folder}/up.sql`, read(dir, path.join(folder, 'up.sql')), 1, transaction);
  const downPath = path.join(folder, 'down.sql');
  const down = existsSync(path.join(dir, downPath)) ? script(dir, `${folder}/down.sql`, read(dir, downPath), 1, transaction) : undefined;
  return { version, name, format: 'diesel', up, ...(down ? { down } : {}) };
}

function assertUniqueVersions(migrations: DiscoveredMigration[]): void {
  const seen = new Map<string, DiscoveredMigration>();
  for (const m of migrations) {
    const other = seen.get(m.key);
    if (other) throw duplicate(m.version, other.up.file, m.up.file);
    seen.set(m.key, m);
  }
}

function duplicate(version: string, a: string, b: string): MigrationError {
  return new MigrationError('discovery', `Two migrations share version ${version}: ${a} and ${b}. Give one of them a new version; a version identifies a migration in the history.`);
}
