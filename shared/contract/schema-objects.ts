import { z } from 'zod';
import { int8String } from './define';

/**
 * Pages of the schema browser for objects that are not relations or routines: sequences, types
 * and extensions (the methods are in schema.ts). Values a server keeps as int8 travel as strings.
 */

/** Above this share of its range used, a sequence page warns (and so may any other page). */
export const SEQUENCE_WARN_FRACTION = 0.75;

export const sequenceDescriptionSchema = z.object({
  schema: z.string(),
  name: z.string(),
  owner: z.string(),
  comment: z.string().nullable(),
  /** smallint, integer or bigint. */
  dataType: z.string(),
  start: int8String,
  increment: int8String,
  min: int8String,
  max: int8String,
  cache: int8String,
  cycle: z.boolean(),
  unlogged: z.boolean(),
  /**
   * The last value handed out (pg_sequence_last_value). null either because nextval was never
   * called, or because this role may not read it: `lastValueState` says which.
   */
  lastValue: int8String.nullable(),
  lastValueState: z.enum(['known', 'never-used', 'no-privilege']),
  /** Share of the range from min to max already used (0..1); null when the last value is hidden. */
  usedFraction: z.number().nullable(),
  /** nextval calls left before the sequence reaches its bound (or wraps, with CYCLE); null when hidden. */
  remaining: int8String.nullable(),
  /** The column that owns it (serial, OWNED BY, or an identity column), dropped with it. */
  ownedBy: z
    .object({ schema: z.string(), table: z.string(), column: z.string(), identity: z.enum(['always', 'by default']).nullable() })
    .nullable(),
  /** Column defaults that call nextval on it (a serial's own column among them). */
  usedByDefaults: z.array(z.object({ schema: z.string(), table: z.string(), column: z.string() })),
  /** The extension it belongs to, if any (then DROP EXTENSION removes it). */
  extension: z.string().nullable(),
  /** CREATE SEQUENCE (or the identity column's ADD GENERATED) rebuilt from the catalog. */
  ddl: z.string(),
});
export type SequenceDescription = z.infer<typeof sequenceDescriptionSchema>;

export const typeKinds = ['enum', 'composite', 'domain', 'range', 'multirange', 'base', 'pseudo'] as const;

export const typeUsageSchema = z.object({
  schema: z.string(),
  relation: z.string(),
  /** table, partitioned table, view, materialized view, foreign table or composite type. */
  relationKind: z.string(),
  column: z.string(),
  /** How the column is declared: the type itself, or an array of it. */
  columnType: z.string(),
});
export type TypeUsage = z.infer<typeof typeUsageSchema>;

export const typeDescriptionSchema = z.object({
  schema: z.string(),
  name: z.string(),
  kind: z.enum(typeKinds),
  owner: z.string(),
  comment: z.string().nullable(),
  extension: z.string().nullable(),
  /** Enums: labels in sort order (the order comparisons and ORDER BY use). */
  labels: z.array(z.string()),
  /** Composite types: attributes in order. */
  attributes: z.array(z.object({ name: z.string(), type: z.string(), collation: z.string().nullable() })),
  domain: z
    .object({
      baseType: z.string(),
      notNull: z.boolean(),
      default: z.string().nullable(),
      collation: z.string().nullable(),
      constraints: z.array(
        z.object({ name: z.string(), type: z.enum(['check', 'not null']), definition: z.string(), validated: z.boolean() }),
      ),
    })
    .nullable(),
  range: z
    .object({
      subtype: z.string(),
      /** Only when it is not the subtype's default B-tree operator class. */
      subtypeOpclass: z.string().nullable(),
      collation: z.string().nullable(),
      canonical: z.string().nullable(),
      subtypeDiff: z.string().nullable(),
      multirange: z.string().nullable(),
    })
    .nullable(),
  /** Base types: the C-level facts pg_dump needs (input/output functions, storage). */
  base: z
    .object({
      input: z.string(),
      output: z.string(),
      internalLength: z.number().int(),
      storage: z.string(),
      alignment: z.string(),
      category: z.string(),
    })
    .nullable(),
  /** Columns declared with this type or an array of it, the first 100; `usageCount` counts them all. */
  usage: z.array(typeUsageSchema),
  usageCount: z.number().int(),
  ddl: z.string(),
});
export type TypeDescription = z.infer<typeof typeDescriptionSchema>;

export const extensionMemberGroupSchema = z.object({
  /** pg_identify_object's type: function, type, operator, operator class, table, cast, … */
  kind: z.string(),
  count: z.number().int(),
  /** The first names of the group (identity as pg_identify_object prints it), at most 50. */
  names: z.array(z.string()),
});

export const extensionDescriptionSchema = z.object({
  name: z.string(),
  schema: z.string(),
  owner: z.string(),
  installedVersion: z.string(),
  /** The version CREATE EXTENSION would install now; null when the server no longer ships it. */
  defaultVersion: z.string().nullable(),
  relocatable: z.boolean(),
  /** From the extension's control file. */
  description: z.string().nullable(),
  /** COMMENT ON EXTENSION, when it says something else than the control file. */
  comment: z.string().nullable(),
  /** Extensions this one requires (from its control file). */
  requires: z.array(z.string()),
  /** Installed version differs from the default, and the server has scripts to get there. */
  updateAvailable: z.boolean(),
  /** The chain of update scripts, e.g. "1.4--1.5" → ['1.4', '1.5']; null when there is no path. */
  updatePath: z.array(z.string()).nullable(),
  /** The statement that would update it, shown for copying, never run by the console. */
  updateSql: z.string().nullable(),
  members: z.array(extensionMemberGroupSchema),
  memberCount: z.number().int(),
  ddl: z.string(),
});
export type ExtensionDescription = z.infer<typeof extensionDescriptionSchema>;
