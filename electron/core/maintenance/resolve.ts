import type pg from 'pg';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { quoteQualified } from '../../../shared/domain/quote-ident';
import resolveSql from '../sql/maintenance/resolve-relation.sql?raw';

export interface Relation {
  oid: number;
  schema: string;
  name: string;
  relkind: string;
  /** The table itself, or an index's table: what two maintenance tasks must not share. */
  tableOid: number;
  /** Quoted `"schema"."name"` for statements. */
  qualified: string;
}

const KIND_WORDS: Record<string, string> = {
  r: 'table',
  p: 'partitioned table',
  m: 'materialized view',
  i: 'index',
  I: 'partitioned index',
  v: 'view',
  S: 'sequence',
  f: 'foreign table',
  t: 'TOAST table',
  c: 'composite type',
};

/** Finds schema.name in the catalog and checks it is one of the kinds the command accepts. */
export async function resolveRelation(
  client: pg.ClientBase,
  schema: string,
  name: string,
  accepted: string[],
  what: string,
): Promise<Relation> {
  const { rows } = await client.query<{ oid: string; schema: string; name: string; relkind: string; table_oid: string }>(resolveSql, [
    schema,
    name,
  ]);
  const row = rows[0];
  if (!row) throw new RpcError('NOT_FOUND', `${schema}.${name} does not exist (it may have been dropped or renamed). Refresh the list.`);
  if (!accepted.includes(row.relkind))
    throw new RpcError(
      'BAD_REQUEST',
      `${what} works on ${accepted.map((k) => KIND_WORDS[k] ?? k).join(' or ')}; ${schema}.${name} is a ${KIND_WORDS[row.relkind] ?? row.relkind}.`,
    );
  return {
    oid: Number(row.oid),
    schema: row.schema,
    name: row.name,
    relkind: row.relkind,
    tableOid: Number(row.table_oid),
    qualified: quoteQualified(row.schema, row.name),
  };
}
