import { z } from 'zod';
import { connectionId, mutation, query } from './define';

const ident = z
  .string()
  .min(1)
  .max(63 * 4);

/** How the grid edits a column: the editor it opens and how a value is checked before it is staged. */
export const editKinds = [
  'text',
  'integer',
  'numeric',
  'boolean',
  'date',
  'timestamp',
  'timestamptz',
  'json',
  'enum',
  'bytea',
  'other',
] as const;
export type EditKind = (typeof editKinds)[number];

export const editColumnSchema = z.object({
  name: z.string(),
  /** format_type(): `character varying(80)`, `integer[]`, `ticketing.ticket_status` … */
  type: z.string(),
  kind: z.enum(editKinds),
  /** True for json and jsonb alike (kind 'json'); jsonb normalises, json keeps the text. */
  jsonb: z.boolean(),
  /** Enum labels in their sort order (kind 'enum'). */
  enumLabels: z.array(z.string()),
  nullable: z.boolean(),
  hasDefault: z.boolean(),
  /** Why the column cannot be written (generated, identity ALWAYS …); null when it can. */
  readOnlyReason: z.string().nullable(),
  /** The one column this column references through a single-column foreign key. */
  references: z.object({ schema: z.string(), table: z.string(), column: z.string() }).nullable(),
});
export type EditColumn = z.infer<typeof editColumnSchema>;

export const editInfoSchema = z.object({
  schema: z.string(),
  table: z.string(),
  /** The columns that identify a row: the primary key, or a unique index over NOT NULL columns. */
  key: z.array(z.string()),
  keySource: z.enum(['primary key', 'unique index']).nullable(),
  /** Why rows of this relation cannot be edited here; null when they can. */
  notEditableReason: z.string().nullable(),
  columns: z.array(editColumnSchema),
  /** The database's name, typed to confirm large changes on production-labelled connections. */
  database: z.string(),
  /** Changes of more rows than this on a production-labelled connection ask for the database name. */
  confirmAbove: z.number().int().nullable(),
  /** The profile is read-only: the grid offers no edits, and data.applyChanges is refused. */
  readOnlyConnection: z.boolean(),
});
export type EditInfo = z.infer<typeof editInfoSchema>;

/** A value to write: Postgres's text form, SQL NULL, or bytes (bytea from a file) as base64. */
export const cellInputSchema = z.union([z.string().max(10_000_000), z.null(), z.object({ base64: z.string().max(14_000_000) })]);
export type CellInput = z.infer<typeof cellInputSchema>;

/** Column name → value. */
const valuesSchema = z.record(z.string(), cellInputSchema);

export const rowChangeSchema = z.object({
  op: z.enum(['update', 'insert', 'delete']),
  /** The row's key columns as read (update, delete); empty for an insert. */
  key: z.record(z.string(), z.string().nullable()).default({}),
  /** Columns to set (update) or to insert (insert); empty for a delete. */
  values: valuesSchema.default({}),
  /** The row's columns as read, compared before the change is applied (optimistic concurrency). */
  original: z.record(z.string(), z.string().nullable()).default({}),
});
export type RowChange = z.infer<typeof rowChangeSchema>;

export const conflictSchema = z.object({
  /** Index into `changes`. */
  index: z.number().int(),
  key: z.record(z.string(), z.string().nullable()),
  /** `changed`: the row differs from what was read; `deleted`: no row has that key any more. */
  reason: z.enum(['changed', 'deleted']),
  /** The row as it is now (text form), null when it is gone. */
  current: z.record(z.string(), z.string().nullable()).nullable(),
  /** The columns whose current value differs from the value as read. */
  differs: z.array(z.string()),
});
export type Conflict = z.infer<typeof conflictSchema>;

const tableTarget = { connectionId, schema: ident, table: ident };

export const dataEditContract = {
  'data.editInfo': query(
    'Whether rows of a table can be edited, by which key, and how each column is edited',
    z.object(tableTarget),
    editInfoSchema,
  ),
  'data.lookupReferenced': query(
    'Rows of the table a foreign-key column references, for picking a value: the key and a label',
    z.object({
      ...tableTarget,
      column: ident,
      search: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({ options: z.array(z.object({ value: z.string(), label: z.string().nullable() })), labelColumn: z.string().nullable() }),
  ),
  'data.applyChanges': mutation(
    'Apply staged row changes in one transaction; each update and delete matches the row as read, and any conflict applies nothing',
    z.object({
      ...tableTarget,
      changes: z.array(rowChangeSchema).min(1).max(5_000),
      /** The database's name, required on production-labelled connections above `confirmAbove` rows. */
      confirmDatabase: z.string().max(200).optional(),
    }),
    z.object({
      /** Rows changed; all zero when there were conflicts (nothing is applied then). */
      applied: z.object({ inserted: z.number().int(), updated: z.number().int(), deleted: z.number().int() }),
      conflicts: z.array(conflictSchema),
      /** Each inserted or updated row as stored (RETURNING *), by index into `changes`; empty on conflicts. */
      stored: z.array(z.object({ index: z.number().int(), row: z.record(z.string(), z.string().nullable()) })),
    }),
    { writes: true },
  ),
};
