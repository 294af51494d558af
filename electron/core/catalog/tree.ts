import type pg from 'pg';
import type { ObjectKind, ObjectSummary, SchemaSummary, SearchHit } from '../../../shared/contract/schema';
import { RpcError } from '../../../shared/rpc/rpc-error';
import countFunctionsSql from '../sql/schema/count-functions.sql?raw';
import countPartitionsSql from '../sql/schema/count-partitions.sql?raw';
import countRelationsSql from '../sql/schema/count-relations.sql?raw';
import countTypesSql from '../sql/schema/count-types.sql?raw';
import listExtensionsSql from '../sql/schema/list-extensions.sql?raw';
import listFunctionsSql from '../sql/schema/list-functions.sql?raw';
import listPartitionsSql from '../sql/schema/list-partitions.sql?raw';
import listRelationsSql from '../sql/schema/list-relations.sql?raw';
import listTypesSql from '../sql/schema/list-types.sql?raw';
import schemasSql from '../sql/schema/schemas.sql?raw';
import searchSql from '../sql/schema/search.sql?raw';

interface SchemaRow {
  name: string;
  owner: string;
  comment: string | null;
  system: boolean;
  tables: number;
  views: number;
  matviews: number;
  sequences: number;
  foreign_tables: number;
  functions: number;
  procedures: number;
  types: number;
  extensions: number;
}

export async function listSchemas(client: pg.ClientBase, includeSystem: boolean): Promise<SchemaSummary[]> {
  const { rows } = await client.query<SchemaRow>(schemasSql, [includeSystem]);
  return rows.map((r) => ({
    name: r.name,
    owner: r.owner,
    comment: r.comment,
    system: r.system,
    counts: {
      table: r.tables,
      view: r.views,
      matview: r.matviews,
      function: r.functions,
      procedure: r.procedures,
      sequence: r.sequences,
      type: r.types,
      'foreign-table': r.foreign_tables,
      extension: r.extensions,
    },
  }));
}

const relkindsOf: Partial<Record<ObjectKind, string[]>> = {
  table: ['r', 'p'],
  view: ['v'],
  matview: ['m'],
  sequence: ['S'],
  'foreign-table': ['f'],
};

const kindOfRelkind: Record<string, ObjectKind> = { r: 'table', p: 'table', v: 'view', m: 'matview', S: 'sequence', f: 'foreign-table' };

interface RelationRow {
  oid: string;
  name: string;
  relkind: string;
  is_partition: boolean;
  partition_count: number | null;
  estimated_rows: number | null;
  bound: string | null;
  comment: string | null;
}

function relationSummary(schema: string, r: RelationRow): ObjectSummary {
  return {
    schema,
    name: r.name,
    kind: kindOfRelkind[r.relkind] ?? 'table',
    ...(r.relkind === 'p'
      ? { partitioning: 'partitioned' as const, partitionCount: r.partition_count ?? 0 }
      : r.is_partition
        ? { partitioning: 'partition' as const }
        : {}),
    ...(r.bound ? { detail: r.bound } : {}),
    estimatedRows: r.estimated_rows,
    comment: r.comment,
  };
}

/** Keyset cursors are opaque to the client: JSON of the last row's sort key. */
function encodeAfter(key: readonly [string, string?]): string {
  return JSON.stringify(key);
}

function decodeAfter(after: string | undefined): [string | null, string | null] {
  if (after === undefined) return [null, null];
  try {
    const parsed: unknown = JSON.parse(after);
    if (Array.isArray(parsed) && typeof parsed[0] === 'string') return [parsed[0], typeof parsed[1] === 'string' ? parsed[1] : null];
  } catch {
    // fall through
  }
  throw new RpcError('BAD_REQUEST', 'The tree page cursor is not one this server gave out; reload the tree.');
}

export interface ListRequest {
  schema: string;
  kind: ObjectKind;
  parent?: string | undefined;
  after?: string | undefined;
  limit: number;
}

export interface ObjectPage {
  objects: ObjectSummary[];
  total: number;
  next: string | null;
}

/** One level of the tree, one page at a time; `total` sizes the virtual list. */
export async function listObjects(client: pg.ClientBase, req: ListRequest): Promise<ObjectPage> {
  const [afterName, afterOid] = decodeAfter(req.after);
  const page = async <R extends { name: string; oid: string }>(
    sql: string,
    params: unknown[],
    countSql: string,
    countParams: unknown[],
    map: (r: R) => ObjectSummary,
    key: (r: R) => [string, string?],
  ) => {
    const [{ rows }, counted] = [await client.query<R>(sql, params), await client.query<{ total: number }>(countSql, countParams)];
    const last = rows.length === req.limit ? rows[rows.length - 1] : undefined;
    return { objects: rows.map(map), total: counted.rows[0]?.total ?? rows.length, next: last ? encodeAfter(key(last)) : null };
  };

  if (req.parent !== undefined) {
    return page<RelationRow>(
      listPartitionsSql,
      [req.schema, req.parent, afterName, req.limit],
      countPartitionsSql,
      [req.schema, req.parent],
      (r) => relationSummary(req.schema, r),
      (r) => [r.name],
    );
  }
  const relkinds = relkindsOf[req.kind];
  if (relkinds) {
    return page<RelationRow>(
      listRelationsSql,
      [req.schema, relkinds, afterName, req.limit, false],
      countRelationsSql,
      [req.schema, relkinds, false],
      (r) => relationSummary(req.schema, r),
      (r) => [r.name],
    );
  }
  if (req.kind === 'function' || req.kind === 'procedure') {
    const procedures = req.kind === 'procedure';
    return page<{ oid: string; name: string; args: string; comment: string | null }>(
      listFunctionsSql,
      [req.schema, procedures, afterName, afterOid ?? '0', req.limit],
      countFunctionsSql,
      [req.schema, procedures],
      (r) => ({ schema: req.schema, name: r.name, kind: req.kind, args: r.args, comment: r.comment }),
      (r) => [r.name, r.oid],
    );
  }
  if (req.kind === 'type') {
    return page<{ oid: string; name: string; detail: string; comment: string | null }>(
      listTypesSql,
      [req.schema, afterName, req.limit],
      countTypesSql,
      [req.schema],
      (r) => ({ schema: req.schema, name: r.name, kind: 'type', detail: r.detail, comment: r.comment }),
      (r) => [r.name],
    );
  }
  const { rows } = await client.query<{ name: string; detail: string; comment: string | null }>(listExtensionsSql, [req.schema]);
  return {
    objects: rows.map((r) => ({ schema: req.schema, name: r.name, kind: 'extension', detail: r.detail, comment: r.comment })),
    total: rows.length,
    next: null,
  };
}

interface SearchRow {
  schema: string;
  name: string;
  kind: string;
  args: string | null;
  is_partition: boolean;
  partition_count: number | null;
  parent: string | null;
}

/** Name search across every schema, best matches first; one more row than asked tells `truncated`. */
export async function searchObjects(
  client: pg.ClientBase,
  text: string,
  includeSystem: boolean,
  limit: number,
): Promise<{ hits: SearchHit[]; truncated: boolean }> {
  const { rows } = await client.query<SearchRow>(searchSql, [text, includeSystem, limit + 1]);
  const hits = rows.slice(0, limit).map((r): SearchHit => {
    const kind: ObjectKind =
      r.kind === 'function' || r.kind === 'procedure' || r.kind === 'type' ? r.kind : (kindOfRelkind[r.kind] ?? 'table');
    return {
      schema: r.schema,
      name: r.name,
      kind,
      ...(r.args !== null ? { args: r.args } : {}),
      ...(r.kind === 'p'
        ? { partitioning: 'partitioned' as const, partitionCount: r.partition_count ?? 0 }
        : r.is_partition
          ? { partitioning: 'partition' as const }
          : {}),
      ...(r.parent ? { parent: r.parent } : {}),
    };
  });
  return { hits, truncated: rows.length > limit };
}
