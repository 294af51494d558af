import { z } from 'zod';
import { objectKinds } from '../domain/object-kinds';
import { connectionId, int8String, isoTime, mutation, query } from './define';
import { exportFormats, exportResultSchema } from './exports';
import { extensionDescriptionSchema, sequenceDescriptionSchema, typeDescriptionSchema } from './schema-objects';

/**
 * The schema browser: a lazy tree over pg_catalog (one query per level, pages of names, never
 * every column up front), a server-side name search, object pages, and a table's data by keyset.
 */

const ident = z.string().min(1).max(63);

export { objectKinds, type ObjectKind } from '../domain/object-kinds';

export const schemaSummarySchema = z.object({
  name: z.string(),
  owner: z.string(),
  comment: z.string().nullable(),
  system: z.boolean(),
  /** Objects per kind; partitions are not counted as tables (they are under their parent). */
  counts: z.record(z.enum(objectKinds), z.number().int()),
});
export type SchemaSummary = z.infer<typeof schemaSummarySchema>;

export const objectSummarySchema = z.object({
  schema: z.string(),
  name: z.string(),
  kind: z.enum(objectKinds),
  /** Functions and procedures: the identity arguments that tell overloads apart. */
  args: z.string().optional(),
  /** Tables: 'partitioned' when it has partitions (listed with `parent`), 'partition' for one. */
  partitioning: z.enum(['partitioned', 'partition']).optional(),
  partitionCount: z.number().int().optional(),
  /** Types: enum, composite, domain, range, multirange. */
  detail: z.string().optional(),
  estimatedRows: z.number().nullable().optional(),
  comment: z.string().nullable().optional(),
});
export type ObjectSummary = z.infer<typeof objectSummarySchema>;

export const searchHitSchema = objectSummarySchema.extend({
  /** For a partition: the table it belongs to. */
  parent: z.string().optional(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

const tableRef = { connectionId, schema: ident, name: ident };

export const columnInfoSchema = z.object({
  position: z.number().int(),
  name: z.string(),
  type: z.string(),
  notNull: z.boolean(),
  default: z.string().nullable(),
  identity: z.enum(['always', 'by default']).nullable(),
  generated: z.string().nullable(),
  collation: z.string().nullable(),
  comment: z.string().nullable(),
  /** From pg_stats (after ANALYZE); null when the column has no statistics. */
  nullFraction: z.number().nullable(),
  /** pg_stats.n_distinct: > 0 a count, < 0 a fraction of the rows (e.g. -1 = all distinct). */
  distinctEstimate: z.number().nullable(),
  inPrimaryKey: z.boolean(),
});
export type ColumnInfo = z.infer<typeof columnInfoSchema>;

export const constraintInfoSchema = z.object({
  name: z.string(),
  type: z.enum(['primary key', 'unique', 'check', 'foreign key', 'exclusion', 'not null', 'trigger']),
  definition: z.string(),
  validated: z.boolean(),
  deferrable: z.boolean(),
  deferred: z.boolean(),
});

export const indexInfoSchema = z.object({
  name: z.string(),
  definition: z.string(),
  method: z.string(),
  sizeBytes: int8String,
  scans: int8String.nullable(),
  valid: z.boolean(),
  unique: z.boolean(),
  primary: z.boolean(),
  partial: z.boolean(),
  constraint: z.string().nullable(),
});
export type IndexInfo = z.infer<typeof indexInfoSchema>;

export const foreignKeyInfoSchema = z.object({
  name: z.string(),
  /** The referencing table (outgoing: this table) and the referenced one. */
  fromSchema: z.string(),
  fromTable: z.string(),
  fromColumns: z.array(z.string()),
  toSchema: z.string(),
  toTable: z.string(),
  toColumns: z.array(z.string()),
  onUpdate: z.string(),
  onDelete: z.string(),
  definition: z.string(),
  validated: z.boolean(),
});
export type ForeignKeyInfo = z.infer<typeof foreignKeyInfoSchema>;

export const triggerInfoSchema = z.object({
  name: z.string(),
  definition: z.string(),
  enabled: z.enum(['origin', 'disabled', 'replica', 'always']),
});

export const policyInfoSchema = z.object({
  name: z.string(),
  permissive: z.boolean(),
  command: z.string(),
  roles: z.array(z.string()),
  using: z.string().nullable(),
  withCheck: z.string().nullable(),
});

export const privilegeInfoSchema = z.object({ grantee: z.string(), privilege: z.string(), grantable: z.boolean(), grantor: z.string() });

export const storageInfoSchema = z.object({
  heapBytes: int8String,
  toastBytes: int8String,
  indexBytes: int8String,
  totalBytes: int8String,
  /** pg_class.reltuples; null when never vacuumed or analyzed (-1 since PG 14). */
  estimatedRows: z.number().nullable(),
  liveTuples: int8String.nullable(),
  deadTuples: int8String.nullable(),
  lastVacuum: isoTime.nullable(),
  lastAutovacuum: isoTime.nullable(),
  lastAnalyze: isoTime.nullable(),
  lastAutoanalyze: isoTime.nullable(),
  persistence: z.enum(['permanent', 'unlogged', 'temporary']),
  tablespace: z.string().nullable(),
  options: z.array(z.string()),
});

export const tableDescriptionSchema = z.object({
  schema: z.string(),
  name: z.string(),
  kind: z.enum(['table', 'partitioned table', 'foreign table']),
  owner: z.string(),
  comment: z.string().nullable(),
  rowSecurity: z.boolean(),
  forceRowSecurity: z.boolean(),
  partition: z
    .object({
      key: z.string().nullable(),
      partitionCount: z.number().int(),
      parent: z.object({ schema: z.string(), name: z.string() }).nullable(),
      bound: z.string().nullable(),
    })
    .nullable(),
  columns: z.array(columnInfoSchema),
  constraints: z.array(constraintInfoSchema),
  indexes: z.array(indexInfoSchema),
  foreignKeys: z.object({ outgoing: z.array(foreignKeyInfoSchema), incoming: z.array(foreignKeyInfoSchema) }),
  triggers: z.array(triggerInfoSchema),
  policies: z.array(policyInfoSchema),
  privileges: z.array(privilegeInfoSchema),
  storage: storageInfoSchema,
});
export type TableDescription = z.infer<typeof tableDescriptionSchema>;

export const dependencySchema = z.object({ schema: z.string(), name: z.string(), kind: z.string() });

export const viewDescriptionSchema = z.object({
  schema: z.string(),
  name: z.string(),
  kind: z.enum(['view', 'matview']),
  owner: z.string(),
  comment: z.string().nullable(),
  definition: z.string(),
  /** CREATE [MATERIALIZED] VIEW … reconstructed from the catalog. */
  ddl: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  /** Relations this view reads, and views (or matviews) that read this one. */
  uses: z.array(dependencySchema),
  usedBy: z.array(dependencySchema),
  /** Materialized views only. */
  populated: z.boolean().nullable(),
  sizeBytes: int8String.nullable(),
});
export type ViewDescription = z.infer<typeof viewDescriptionSchema>;

export const functionDescriptionSchema = z.object({
  schema: z.string(),
  name: z.string(),
  kind: z.enum(['function', 'procedure', 'aggregate', 'window']),
  args: z.string(),
  signature: z.string(),
  returns: z.string().nullable(),
  language: z.string(),
  volatility: z.enum(['immutable', 'stable', 'volatile']),
  strict: z.boolean(),
  securityDefiner: z.boolean(),
  parallel: z.enum(['safe', 'restricted', 'unsafe']),
  owner: z.string(),
  comment: z.string().nullable(),
  source: z.string().nullable(),
  /** pg_get_functiondef output; null for aggregates, which it cannot render. */
  definition: z.string().nullable(),
});
export type FunctionDescription = z.infer<typeof functionDescriptionSchema>;

/** Operators a filter may use: a fixed allowlist, never SQL from the user. */
export const filterOperators = [
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'contains',
  'starts with',
  'like',
  'ilike',
  'is null',
  'is not null',
  'in',
] as const;
export type FilterOperator = (typeof filterOperators)[number];

export const dataFilterSchema = z.object({
  column: ident,
  op: z.enum(filterOperators),
  /** Ignored for IS [NOT] NULL; for `in`, a comma-separated list. */
  value: z.string().max(10_000).optional(),
});
export type DataFilter = z.infer<typeof dataFilterSchema>;

export const dataQuerySchema = z.object({
  ...tableRef,
  filters: z.array(dataFilterSchema).max(20).default([]),
  combine: z.enum(['and', 'or']).default('and'),
  sort: z.object({ column: ident, direction: z.enum(['asc', 'desc']) }).optional(),
});
export type DataQuery = z.infer<typeof dataQuerySchema>;

export const pagingStrategies = ['keyset', 'ctid', 'offset'] as const;

export const gridColumnSchema = z.object({ name: z.string(), type: z.string() });
export type GridColumn = z.infer<typeof gridColumnSchema>;

/** A cell as text, exactly as Postgres prints it; null for SQL NULL. */
export const cellSchema = z.string().nullable();

export const tableDataSchema = z.object({
  columns: z.array(gridColumnSchema),
  rows: z.array(z.array(cellSchema)),
  strategy: z.enum(pagingStrategies),
  /** Why keyset paging was not possible, when it was not. */
  strategyNote: z.string().nullable(),
  /** Pass back as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
});
export type TableData = z.infer<typeof tableDataSchema>;

export { exportFormats };

export const schemaContract = {
  'schema.listSchemas': query(
    'Schemas with object counts per kind (one aggregate query)',
    z.object({ connectionId, includeSystem: z.boolean().default(false) }),
    z.object({ schemas: z.array(schemaSummarySchema) }),
  ),
  'schema.listObjects': query(
    'One level of the tree: objects of one kind in a schema (or the partitions of one table), a page of names',
    z.object({
      connectionId,
      schema: ident,
      kind: z.enum(objectKinds),
      /** List the partitions of this partitioned table instead. */
      parent: ident.optional(),
      /** Keyset: names sorting after this one (for functions: `name(args)`). */
      after: z.string().max(2000).optional(),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    z.object({ objects: z.array(objectSummarySchema), total: z.number().int(), next: z.string().nullable() }),
  ),
  'schema.search': query(
    'Objects whose name matches, across all schemas, best matches first (exact, prefix, then contains)',
    z.object({
      connectionId,
      query: z.string().trim().min(1).max(200),
      includeSystem: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ hits: z.array(searchHitSchema), truncated: z.boolean() }),
  ),
  'schema.describeTable': query(
    'A table page: columns, constraints, indexes, keys, triggers, policies, privileges, storage',
    z.object(tableRef),
    tableDescriptionSchema,
  ),
  'schema.tableDdl': query(
    'CREATE TABLE … and its indexes, constraints, triggers, policies and comments, rebuilt from the catalog',
    z.object(tableRef),
    z.object({ ddl: z.string() }),
  ),
  'schema.describeView': query(
    'A view or materialized view: definition, columns and dependencies both ways',
    z.object(tableRef),
    viewDescriptionSchema,
  ),
  'schema.describeFunction': query(
    'A function or procedure: signature, language, volatility, source',
    z.object({ ...tableRef, args: z.string().max(2000) }),
    functionDescriptionSchema,
  ),
  'schema.describeSequence': query(
    'A sequence: its parameters, last value, owning column, how much of its range is used, and its DDL',
    z.object(tableRef),
    sequenceDescriptionSchema,
  ),
  'schema.describeType': query(
    'A type: enum labels, composite attributes, domain constraints or range subtype, the columns that use it, its DDL',
    z.object(tableRef),
    typeDescriptionSchema,
  ),
  'schema.describeExtension': query(
    'An extension: installed and available versions, the objects it owns by kind, whether an update is available',
    z.object({ connectionId, name: ident }),
    extensionDescriptionSchema,
  ),
  'schema.tableData': query(
    'A page of a table, by keyset on the primary key (ctid or offset when it has none), filtered and sorted',
    dataQuerySchema.extend({ after: z.string().max(100_000).optional(), limit: z.number().int().min(1).max(5000).default(200) }),
    tableDataSchema,
  ),
  'schema.countRows': query(
    'Row count of a table under a filter: the planner estimate, or exact on request (bounded by a timeout)',
    dataQuerySchema.extend({ exact: z.boolean().default(false) }),
    /** count is null for an estimate the planner cannot make: the table was never vacuumed or analyzed. */
    z.object({ count: int8String.nullable(), exact: z.boolean() }),
  ),
  'schema.exportData': mutation(
    'Stream a table under the current filter and sort to a CSV or JSON file in the data folder, with progress; exports.deliver hands it over',
    dataQuerySchema.extend({ format: z.enum(exportFormats), taskId: z.string().max(100).optional() }),
    exportResultSchema,
    { writes: false },
  ),
};
