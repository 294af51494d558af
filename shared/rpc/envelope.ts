import { z } from 'zod';

/**
 * The Postgres fields of an error, kept intact across the process boundary so the editor can
 * underline `position` and the user sees SQLSTATE, detail and hint
 * (https://www.postgresql.org/docs/current/protocol-error-fields.html).
 */
export const pgErrorFieldsSchema = z.object({
  sqlstate: z.string(),
  severity: z.string().optional(),
  serverMessage: z.string().optional(),
  detail: z.string().optional(),
  hint: z.string().optional(),
  /** 1-based character offset into the statement, as Postgres reports it. */
  position: z.number().int().optional(),
  internalPosition: z.number().int().optional(),
  internalQuery: z.string().optional(),
  where: z.string().optional(),
  schema: z.string().optional(),
  table: z.string().optional(),
  column: z.string().optional(),
  dataType: z.string().optional(),
  constraint: z.string().optional(),
});
export type PgErrorFields = z.infer<typeof pgErrorFieldsSchema>;

export const errorCodes = [
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'CONFLICT',
  'PG_ERROR',
  'CONNECTION_FAILED',
  'CANCELLED',
  'TIMEOUT',
  'READ_ONLY',
  /** A destructive action on a production-labelled connection: type the database name (confirmDatabase). */
  'CONFIRMATION_REQUIRED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const rpcErrorBodySchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  pg: pgErrorFieldsSchema.optional(),
});
export type RpcErrorBody = z.infer<typeof rpcErrorBodySchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcErrorBody };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: rpcErrorBodySchema }),
]);
