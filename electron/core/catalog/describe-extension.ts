import type pg from 'pg';
import type { ExtensionDescription } from '../../../shared/contract/schema-objects';
import { quoteIdentIfNeeded, quoteLiteral } from '../../../shared/domain/quote-ident';
import { RpcError } from '../../../shared/rpc/rpc-error';
import describeExtensionSql from '../sql/schema/describe-extension.sql?raw';
import extensionMembersSql from '../sql/schema/extension-members.sql?raw';

interface ExtensionRow {
  oid: string;
  schema: string;
  owner: string;
  installed_version: string;
  default_version: string | null;
  relocatable: boolean;
  description: string | null;
  comment: string | null;
  requires: string[];
  /** Versions joined by "--", e.g. "1.4--1.5--1.6" (pg_extension_update_paths). */
  update_path: string | null;
}

/** An extension page: its versions and update path, then what it owns, grouped by kind. */
export async function describeExtension(client: pg.ClientBase, name: string): Promise<ExtensionDescription> {
  const r = (await client.query<ExtensionRow>(describeExtensionSql, [name])).rows[0];
  if (!r)
    throw new RpcError(
      'NOT_FOUND',
      `The extension ${name} is not installed in this database (it may have been dropped). Refresh the tree.`,
    );
  const members = (await client.query<{ kind: string; count: number; names: string[] }>(extensionMembersSql, [r.oid])).rows;
  const updatePath = r.update_path === null ? null : r.update_path.split('--');
  const updateAvailable = updatePath !== null && r.default_version !== null;
  const ext = quoteIdentIfNeeded(name);
  const comment = r.comment !== null && r.comment !== r.description ? r.comment : null;
  const ddl = [
    `CREATE EXTENSION IF NOT EXISTS ${ext} WITH SCHEMA ${quoteIdentIfNeeded(r.schema)} VERSION ${quoteLiteral(r.installed_version)};`,
    ...(comment !== null ? [`COMMENT ON EXTENSION ${ext} IS ${quoteLiteral(comment)};`] : []),
  ].join('\n\n');
  return {
    name,
    schema: r.schema,
    owner: r.owner,
    installedVersion: r.installed_version,
    defaultVersion: r.default_version,
    relocatable: r.relocatable,
    description: r.description,
    comment,
    requires: r.requires,
    updateAvailable,
    updatePath,
    updateSql: updateAvailable ? `ALTER EXTENSION ${ext} UPDATE TO ${quoteLiteral(r.default_version ?? '')};` : null,
    members,
    memberCount: members.reduce((sum, m) => sum + m.count, 0),
    ddl: `${ddl}\n`,
  };
}
