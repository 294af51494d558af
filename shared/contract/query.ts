import { z } from 'zod';
import { pgErrorFieldsSchema } from '../rpc/envelope';
import { connectionId, isoTime, mutation, query } from './define';
import { exportFormats, exportResultSchema } from './exports';
import { querySessionContract, sessionId, sessionStateSchema } from './query-session';
import { cellSchema, gridColumnSchema } from './schema';

/**
 * The SQL editor. A run splits the text with the real parser, executes the statements in order on
 * one dedicated session and streams each result through a server-side cursor: the first page comes
 * back at once, the rest on request, so neither side holds a whole result in memory.
 */

export const runScopes = ['all', 'cursor', 'selection'] as const;

/** The one table a result's columns all come from, with each column's name there (row edits). */
export const resultSourceSchema = z.object({ schema: z.string(), table: z.string(), columns: z.array(z.string()) });
export type ResultSource = z.infer<typeof resultSourceSchema>;

export const resultSetSchema = z.object({
  /** Pass to query.fetchMore while `hasMore`; null when the cursor is already closed. */
  id: z.string().nullable(),
  columns: z.array(gridColumnSchema),
  rows: z.array(z.array(cellSchema)),
  hasMore: z.boolean(),
  /**
   * Set when the cursor was closed before the end: an earlier statement of a multi-statement run
   * keeps only its first page, because the session must go on to the next statement.
   */
  truncated: z.boolean(),
  /** Set when every column is a plain column of one table: its rows may then be edited. */
  source: resultSourceSchema.nullable(),
});
export type ResultSet = z.infer<typeof resultSetSchema>;

export const statementOutcomeSchema = z.object({
  index: z.number().int(),
  sql: z.string(),
  /** String offsets into the text that was sent, for highlighting and for the error position. */
  start: z.number().int(),
  end: z.number().int(),
  /** e.g. SELECT, INSERT, CREATE TABLE (the command tag's verb). */
  command: z.string().nullable(),
  rowsAffected: z.number().int().nullable(),
  durationMs: z.number(),
  result: resultSetSchema.nullable(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      pg: pgErrorFieldsSchema.optional(),
      /** pg.position mapped into the sent text (0-based string index), when Postgres gave one. */
      textIndex: z.number().int().optional(),
    })
    .nullable(),
  notices: z.array(z.string()),
});
export type StatementOutcome = z.infer<typeof statementOutcomeSchema>;

export const historyEntrySchema = z.object({
  id: z.string(),
  at: isoTime,
  sql: z.string(),
  durationMs: z.number(),
  outcome: z.enum(['succeeded', 'failed', 'cancelled']),
  statements: z.number().int(),
  rows: z.number().int().nullable(),
  error: z.string().optional(),
  readOnly: z.boolean(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const completionKinds = ['schemas', 'relations', 'columns', 'functions'] as const;

export const completionItemSchema = z.object({
  name: z.string(),
  kind: z.enum(['schema', 'table', 'view', 'matview', 'foreign-table', 'column', 'function', 'procedure']),
  /** Type for columns, arguments and result for functions, schema for relations. */
  detail: z.string(),
});
export type CompletionItem = z.infer<typeof completionItemSchema>;

export const querySettingsSchema = z.object({
  /** BEGIN READ ONLY … COMMIT around the run; the server refuses changes. */
  readOnly: z.boolean().default(false),
  /** 0 = the connection's default. */
  statementTimeoutMs: z.number().int().min(0).max(86_400_000).default(0),
});

export const queryContract = {
  'query.run': mutation(
    'Run the statement at the cursor, the selection or all of the text; each result streams through a cursor',
    querySettingsSchema.extend({
      connectionId,
      /** Chosen by the caller so query.cancel can name the run while query.run is still waiting. */
      runId: z.string().min(8).max(64),
      sql: z.string().max(5_000_000),
      scope: z.enum(runScopes),
      /** 0-based string index of the cursor, for scope 'cursor'. */
      cursor: z.number().int().min(0).optional(),
      /** [start, end) string indexes, for scope 'selection'. */
      selection: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
      pageSize: z.number().int().min(1).max(10_000).default(500),
      /** Manual mode: run on this pinned session (query.openSession) instead of a fresh pooled one. */
      sessionId: sessionId.optional(),
      /** The database name typed by the user: DROP/TRUNCATE on a production-labelled connection need it. */
      confirmDatabase: z.string().max(63).optional(),
    }),
    z.object({
      runId: z.string(),
      statements: z.array(statementOutcomeSchema),
      /** Statements not run because an earlier one failed or the run was cancelled. */
      skipped: z.number().int(),
      /** Set when the script left a transaction open, which the console rolled back; or when a pinned session was lost. */
      warning: z.string().nullable(),
      /** Manual mode: the pinned session after the run; null in auto-commit mode. */
      session: sessionStateSchema.nullable(),
    }),
    { writes: 'guarded' },
  ),
  'query.fetchMore': mutation(
    'The next rows of an open result set; closes it at the end',
    z.object({ connectionId, resultSetId: z.string().max(64), count: z.number().int().min(1).max(50_000).default(1000) }),
    z.object({ rows: z.array(z.array(cellSchema)), hasMore: z.boolean() }),
    { writes: false },
  ),
  'query.close': mutation(
    'Close an open result set and release its session',
    z.object({ connectionId, resultSetId: z.string().max(64) }),
    z.object({ closed: z.boolean() }),
    { writes: false },
  ),
  'query.cancel': mutation(
    'Cancel a running statement of a run (pg_cancel_backend from another session)',
    z.object({ connectionId, runId: z.string().max(64) }),
    z.object({ cancelled: z.boolean() }),
    { writes: false },
  ),
  'query.history': query(
    'Statements run on this connection, newest first, optionally filtered by text',
    z.object({ connectionId, search: z.string().max(200).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({ entries: z.array(historyEntrySchema) }),
  ),
  'query.completions': query(
    'Names for the editor, loaded a level at a time: schemas, relations of a schema, columns of a relation, functions',
    z.object({
      connectionId,
      kind: z.enum(completionKinds),
      schema: z.string().max(63).optional(),
      relation: z.string().max(63).optional(),
      prefix: z.string().max(63).default(''),
      limit: z.number().int().min(1).max(2000).default(500),
    }),
    z.object({ items: z.array(completionItemSchema) }),
  ),
  'query.export': mutation(
    'Run one statement again in a READ ONLY transaction and stream all its rows to a CSV or JSON file in the data folder; exports.deliver hands it over',
    z.object({ connectionId, sql: z.string().max(5_000_000), format: z.enum(exportFormats), taskId: z.string().max(100).optional() }),
    exportResultSchema,
    { writes: 'guarded' },
  ),
  ...querySessionContract,
};
