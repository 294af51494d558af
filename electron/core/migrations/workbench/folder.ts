import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FolderListing, MigrationSources } from '../../../../shared/contract/migration-workbench';
import { RpcError } from '../../../../shared/rpc/rpc-error';
import { discoverMigrations } from '../discover';
import { realPathInside } from '../inside-folder';
import { versionKey } from '../version';

/** A folder the user typed or picked, resolved; refused with what to do when it is not a readable directory. */
export function resolveFolder(input: string): string {
  const resolved = path.resolve(input);
  if (!existsSync(resolved)) throw new RpcError('NOT_FOUND', `The folder ${resolved} does not exist. Check the path (it is read on the machine the console runs on).`);
  if (!statSync(resolved).isDirectory()) throw new RpcError('BAD_REQUEST', `${resolved} is a file, not a folder. Give the folder that holds the migrations.`);
  return resolved;
}

/**
 * Sub-folders and .sql files of a folder, for picking a migrations folder. Hidden entries are left
 * out, and so are links that lead outside the folder (the listing reads only inside it); a
 * sub-folder holding up.sql is marked as a (diesel) migration folder.
 */
export function browseFolder(input: string): FolderListing {
  const dir = resolveFolder(input);
  let names: string[];
  try {
    names = readdirSync(dir).sort((a, b) => a.localeCompare(b));
  } catch (err) {
    throw new RpcError('BAD_REQUEST', `The folder ${dir} cannot be read (${err instanceof Error ? err.message : String(err)}). Check its permissions.`);
  }
  const root = realpathSync(dir);
  const folders: FolderListing['folders'] = [];
  const sqlFiles: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (realPathInside(root, full) === undefined) continue;
    let stat;
    try {
      stat = statSync(full);
    } catch {
      continue; // a dangling link
    }
    if (stat.isDirectory()) folders.push({ name, migration: realPathInside(root, path.join(full, 'up.sql')) !== undefined });
    else if (name.toLowerCase().endsWith('.sql')) sqlFiles.push(name);
  }
  const parent = path.dirname(dir);
  return { path: dir, parent: parent === dir ? null : parent, folders, sqlFiles };
}

/** The up and down text of one migration, as the engine discovers it. */
export function readSources(dir: string, version: string): MigrationSources {
  const { migrations, warnings } = discoverMigrations(resolveFolder(dir));
  const key = versionKey(version);
  const m = migrations.find((x) => !x.repeatable && x.key === key) ?? migrations.find((x) => x.repeatable && x.name === version);
  if (!m) {
    // a file of that version left out because it is a link out of the folder: say so, not "no such migration"
    const refused = warnings.find((w) => w.includes('leads outside') && versionKey(/^[VU]?(\d+)/.exec(w)?.[1] ?? '') === key);
    if (refused) throw new RpcError('BAD_REQUEST', refused);
    throw new RpcError('NOT_FOUND', `There is no migration ${version} in ${dir}. The folder may have changed: refresh the list.`);
  }
  return {
    version: m.version,
    name: m.name,
    format: m.format,
    upFile: m.up.file,
    upSql: m.up.sql,
    upFirstLine: m.up.firstLine,
    downFile: m.down?.file ?? null,
    downSql: m.down?.sql ?? null,
    downFirstLine: m.down?.firstLine ?? null,
    transaction: m.up.transaction,
  };
}
