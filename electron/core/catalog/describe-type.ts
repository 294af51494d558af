import type pg from 'pg';
import type { TypeDescription, typeKinds } from '../../../shared/contract/schema-objects';
import { RpcError } from '../../../shared/rpc/rpc-error';
import describeTypeSql from '../sql/schema/describe-type.sql?raw';
import typeAttributesSql from '../sql/schema/type-attributes.sql?raw';
import typeConstraintsSql from '../sql/schema/type-constraints.sql?raw';
import typeUsageSql from '../sql/schema/type-usage.sql?raw';
import { typeDdl, type TypeFacts } from './type-ddl';

interface TypeRow {
  oid: string;
  typtype: string;
  relid: string;
  relkind: string | null;
  array_of: string | null;
  owner: string;
  comment: string | null;
  extension: string | null;
  labels: string[];
  base_type: string | null;
  not_null: boolean;
  default: string | null;
  domain_collation: string | null;
  subtype: string | null;
  subtype_opclass: string | null;
  range_collation: string | null;
  canonical: string | null;
  subtype_diff: string | null;
  multirange: string | null;
  input: string;
  output: string;
  internal_length: number;
  storage: string;
  alignment: string;
  category: string;
}

interface UsageRow {
  schema: string;
  relation: string;
  relkind: string;
  column: string;
  column_type: string;
  total: number;
}

const kindOfTyptype: Record<string, (typeof typeKinds)[number]> = {
  e: 'enum',
  c: 'composite',
  d: 'domain',
  r: 'range',
  m: 'multirange',
  b: 'base',
  p: 'pseudo',
};

const relationWords: Record<string, string> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
  c: 'composite type',
};

/** A type page: the type's row, then (by kind) attributes or domain constraints, then the columns using it. */
export async function describeType(client: pg.ClientBase, schema: string, name: string): Promise<TypeDescription> {
  const r = (await client.query<TypeRow>(describeTypeSql, [schema, name])).rows[0];
  if (!r) throw new RpcError('NOT_FOUND', `There is no type ${schema}.${name}: it may have been dropped or renamed. Refresh the tree.`);
  if (r.typtype === 'c' && r.relkind !== 'c')
    throw new RpcError(
      'BAD_REQUEST',
      `${schema}.${name} is the row type of a ${relationWords[r.relkind ?? ''] ?? 'relation'}; open that relation instead.`,
    );
  if (r.array_of !== null && r.typtype === 'b')
    throw new RpcError('BAD_REQUEST', `${schema}.${name} is the array type of ${r.array_of}; open ${r.array_of} instead.`);
  const kind = kindOfTyptype[r.typtype] ?? 'base';

  const attributes =
    kind === 'composite'
      ? (await client.query<{ name: string; type: string; collation: string | null }>(typeAttributesSql, [r.relid])).rows
      : [];
  const constraints =
    kind === 'domain'
      ? (await client.query<{ name: string; type: string; definition: string; validated: boolean }>(typeConstraintsSql, [r.oid])).rows.map(
          (c) => ({
            name: c.name,
            type: c.type === 'n' ? ('not null' as const) : ('check' as const),
            definition: c.definition,
            validated: c.validated,
          }),
        )
      : [];
  const usageRows = (await client.query<UsageRow>(typeUsageSql, [r.oid])).rows;

  const facts: TypeFacts = {
    schema,
    name,
    kind,
    owner: r.owner,
    comment: r.comment,
    extension: r.extension,
    labels: kind === 'enum' ? r.labels : [],
    attributes,
    domain:
      kind === 'domain' && r.base_type !== null
        ? { baseType: r.base_type, notNull: r.not_null, default: r.default, collation: r.domain_collation, constraints }
        : null,
    range:
      kind === 'range' && r.subtype !== null
        ? {
            subtype: r.subtype,
            subtypeOpclass: r.subtype_opclass,
            collation: r.range_collation,
            canonical: r.canonical,
            subtypeDiff: r.subtype_diff,
            multirange: r.multirange,
          }
        : null,
    base:
      kind === 'base'
        ? {
            input: r.input,
            output: r.output,
            internalLength: r.internal_length,
            storage: r.storage,
            alignment: r.alignment,
            category: r.category,
          }
        : null,
  };
  return {
    ...facts,
    usage: usageRows.map((u) => ({
      schema: u.schema,
      relation: u.relation,
      relationKind: relationWords[u.relkind] ?? u.relkind,
      column: u.column,
      columnType: u.column_type,
    })),
    usageCount: usageRows[0]?.total ?? 0,
    ddl: typeDdl(facts),
  };
}
