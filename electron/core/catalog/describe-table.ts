import type pg from 'pg';
import type { ColumnInfo, ForeignKeyInfo, IndexInfo, TableDescription } from '../../../shared/contract/schema';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { queriesForOid } from './oid-batch';
import resolveRelationSql from '../sql/schema/resolve-relation.sql?raw';
import columnsSql from '../sql/schema/table-columns.sql?raw';
import constraintsSql from '../sql/schema/table-constraints.sql?raw';
import foreignKeysSql from '../sql/schema/table-foreign-keys.sql?raw';
import indexesSql from '../sql/schema/table-indexes.sql?raw';
import policiesSql from '../sql/schema/table-policies.sql?raw';
import privilegesSql from '../sql/schema/table-privileges.sql?raw';
import storageSql from '../sql/schema/table-storage.sql?raw';
import triggersSql from '../sql/schema/table-triggers.sql?raw';

export interface RelationHeader {
  oid: string;
  relkind: string;
  owner: string;
  comment: string | null;
  row_security: boolean;
  force_row_security: boolean;
  is_partition: boolean;
  partition_key: string | null;
  partition_count: number;
  parent_schema: string | null;
  parent_name: string | null;
  partition_bound: string | null;
  /** Plain (non-partition) inheritance parents, already quoted, in INHERITS order. */
  inherits: string[];
  persistence: string;
  unpopulated: boolean;
}

const relkindWords: Record<string, string> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
  S: 'sequence',
  i: 'index',
  c: 'composite type',
};

/** Finds a relation by schema and name, or says it is not there (dropped or renamed since the tree loaded). */
export async function resolveRelation(
  client: pg.ClientBase,
  schema: string,
  name: string,
  expected: readonly string[],
): Promise<RelationHeader> {
  const { rows } = await client.query<RelationHeader>(resolveRelationSql, [schema, name]);
  const row = rows[0];
  if (!row)
    throw new RpcError('NOT_FOUND', `There is no relation ${schema}.${name}: it may have been dropped or renamed. Refresh the tree.`);
  if (!expected.includes(row.relkind)) {
    const wanted = expected.map((k) => relkindWords[k] ?? k).join(' or ');
    throw new RpcError('BAD_REQUEST', `${schema}.${name} is a ${relkindWords[row.relkind] ?? row.relkind}, not a ${wanted}.`);
  }
  return row;
}

export interface ColumnRow {
  position: number;
  name: string;
  type: string;
  not_null: boolean;
  default: string | null;
  identity: 'always' | 'by default' | null;
  generated: string | null;
  generated_kind: string;
  collation: string | null;
  comment: string | null;
  null_fraction: number | null;
  distinct_estimate: number | null;
  in_primary_key: boolean;
  is_local: boolean;
}

export interface ConstraintRow {
  name: string;
  type: string;
  definition: string;
  validated: boolean;
  deferrable: boolean;
  deferred: boolean;
  is_local: boolean;
}

export interface IndexRow {
  name: string;
  definition: string;
  method: string;
  size_bytes: string;
  scans: string | null;
  valid: boolean;
  unique: boolean;
  primary: boolean;
  partial: boolean;
  constraint: string | null;
  is_inherited: boolean;
}

interface ForeignKeyRow {
  direction: 'in' | 'out';
  name: string;
  from_schema: string;
  from_table: string;
  from_columns: string[];
  to_schema: string;
  to_table: string;
  to_columns: string[];
  on_update: string;
  on_delete: string;
  definition: string;
  validated: boolean;
}

export interface TriggerRow {
  name: string;
  definition: string;
  enabled: string;
}

export interface PolicyRow {
  name: string;
  permissive: boolean;
  command: string;
  roles: string[];
  using: string | null;
  with_check: string | null;
}

interface StorageRow {
  heap_bytes: string;
  toast_bytes: string;
  index_bytes: string;
  total_bytes: string;
  estimated_rows: number | null;
  live_tuples: string | null;
  dead_tuples: string | null;
  last_vacuum: Date | null;
  last_autovacuum: Date | null;
  last_analyze: Date | null;
  last_autoanalyze: Date | null;
  persistence: string;
  tablespace: string | null;
  options: string[];
}

const constraintTypes: Record<string, TableDescription['constraints'][number]['type']> = {
  p: 'primary key',
  u: 'unique',
  c: 'check',
  f: 'foreign key',
  x: 'exclusion',
  n: 'not null',
  t: 'trigger',
};

// pg_constraint.confupdtype / confdeltype codes (PG docs, pg_constraint).
const fkActions: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
const triggerModes: Record<string, TableDescription['triggers'][number]['enabled']> = {
  O: 'origin',
  D: 'disabled',
  R: 'replica',
  A: 'always',
};
const persistences: Record<string, TableDescription['storage']['persistence']> = { p: 'permanent', u: 'unlogged', t: 'temporary' };

export function toColumnInfo(r: ColumnRow): ColumnInfo {
  return {
    position: r.position,
    name: r.name,
    type: r.type,
    notNull: r.not_null,
    default: r.default,
    identity: r.identity,
    generated: r.generated,
    collation: r.collation,
    comment: r.comment,
    nullFraction: r.null_fraction,
    distinctEstimate: r.distinct_estimate,
    inPrimaryKey: r.in_primary_key,
  };
}

export function toIndexInfo(r: IndexRow): IndexInfo {
  return {
    name: r.name,
    definition: r.definition,
    method: r.method,
    sizeBytes: r.size_bytes,
    scans: r.scans,
    valid: r.valid,
    unique: r.unique,
    primary: r.primary,
    partial: r.partial,
    constraint: r.constraint,
  };
}

function toForeignKey(r: ForeignKeyRow): ForeignKeyInfo {
  return {
    name: r.name,
    fromSchema: r.from_schema,
    fromTable: r.from_table,
    fromColumns: r.from_columns,
    toSchema: r.to_schema,
    toTable: r.to_table,
    toColumns: r.to_columns,
    onUpdate: fkActions[r.on_update] ?? r.on_update,
    onDelete: fkActions[r.on_delete] ?? r.on_delete,
    definition: r.definition,
    validated: r.validated,
  };
}

/** The raw catalog rows of a table, shared by its page and its DDL. */
export interface TableCatalog {
  header: RelationHeader;
  columns: ColumnRow[];
  constraints: ConstraintRow[];
  indexes: IndexRow[];
  triggers: TriggerRow[];
  policies: PolicyRow[];
}

export const TABLE_RELKINDS = ['r', 'p', 'f'] as const;

export async function readTableCatalog(client: pg.ClientBase, schema: string, name: string): Promise<TableCatalog> {
  return (await readTableAndPage(client, schema, name, [])).catalog;
}

/** The catalog rows of a table and, in the same round trip, the `extra` questions about it. */
async function readTableAndPage(
  client: pg.ClientBase,
  schema: string,
  name: string,
  extra: readonly string[],
): Promise<{ catalog: TableCatalog; extra: pg.QueryResult[] }> {
  const header = await resolveRelation(client, schema, name, TABLE_RELKINDS);
  const [columns, constraints, indexes, triggers, policies, ...rest] = await queriesForOid(client, header.oid, [
    columnsSql,
    constraintsSql,
    indexesSql,
    triggersSql,
    policiesSql,
    ...extra,
  ]);
  return {
    catalog: {
      header,
      columns: columns!.rows as ColumnRow[],
      constraints: constraints!.rows as ConstraintRow[],
      indexes: indexes!.rows as IndexRow[],
      triggers: triggers!.rows as TriggerRow[],
      policies: policies!.rows as PolicyRow[],
    },
    extra: rest,
  };
}

/** Everything the table page shows, in one catalog transaction: the relation, then one round trip for the rest. */
export async function describeTable(client: pg.ClientBase, schema: string, name: string): Promise<TableDescription> {
  const {
    catalog: cat,
    extra: [fk, priv, store],
  } = await readTableAndPage(client, schema, name, [foreignKeysSql, privilegesSql, storageSql]);
  const foreignKeys = fk!.rows as ForeignKeyRow[];
  const privileges = priv!.rows as { grantee: string; privilege: string; grantable: boolean; grantor: string }[];
  const storage = store!.rows[0] as StorageRow | undefined;
  if (!storage) throw new RpcError('NOT_FOUND', `${schema}.${name} disappeared while it was being read; refresh.`);
  const h = cat.header;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    schema,
    name,
    kind: h.relkind === 'p' ? 'partitioned table' : h.relkind === 'f' ? 'foreign table' : 'table',
    owner: h.owner,
    comment: h.comment,
    rowSecurity: h.row_security,
    forceRowSecurity: h.force_row_security,
    partition:
      h.relkind === 'p' || h.is_partition
        ? {
            key: h.partition_key,
            partitionCount: h.partition_count,
            parent: h.parent_schema && h.parent_name ? { schema: h.parent_schema, name: h.parent_name } : null,
            bound: h.partition_bound,
          }
        : null,
    columns: cat.columns.map(toColumnInfo),
    constraints: cat.constraints.map((c) => ({
      name: c.name,
      type: constraintTypes[c.type] ?? 'check',
      definition: c.definition,
      validated: c.validated,
      deferrable: c.deferrable,
      deferred: c.deferred,
    })),
    indexes: cat.indexes.map(toIndexInfo),
    foreignKeys: {
      outgoing: foreignKeys.filter((f) => f.direction === 'out').map(toForeignKey),
      incoming: foreignKeys.filter((f) => f.direction === 'in').map(toForeignKey),
    },
    triggers: cat.triggers.map((t) => ({ name: t.name, definition: t.definition, enabled: triggerModes[t.enabled] ?? 'origin' })),
    policies: cat.policies.map((p) => ({
      name: p.name,
      permissive: p.permissive,
      command: p.command,
      roles: p.roles,
      using: p.using,
      withCheck: p.with_check,
    })),
    privileges,
    storage: {
      heapBytes: storage.heap_bytes,
      toastBytes: storage.toast_bytes,
      indexBytes: storage.index_bytes,
      totalBytes: storage.total_bytes,
      estimatedRows: storage.estimated_rows,
      liveTuples: storage.live_tuples,
      deadTuples: storage.dead_tuples,
      lastVacuum: iso(storage.last_vacuum),
      lastAutovacuum: iso(storage.last_autovacuum),
      lastAnalyze: iso(storage.last_analyze),
      lastAutoanalyze: iso(storage.last_autoanalyze),
      persistence: persistences[storage.persistence] ?? 'permanent',
      tablespace: storage.tablespace,
      options: storage.options,
    },
  };
}
