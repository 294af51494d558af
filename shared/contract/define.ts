import { z } from 'zod';

export type MethodKind = 'query' | 'mutation';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: MethodKind;
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  /** See WriteDeclaration; always false for a query. */
  readonly writes: WriteDeclaration;
}

/**
 * Whether a mutation writes to a database, declared by every mutation so that the dispatcher can
 * refuse writing methods on a read-only profile before their handler runs (a new method cannot
 * forget: the argument is required, and rpc/write-declarations.test.ts lists every answer).
 * - `true`: it changes a database (VACUUM, refresh, terminate, migrations …): refused on read-only profiles.
 * - `false`: it changes no database (app-local profiles and files, result cursors, cancelling its own run).
 * - `'guarded'`: it runs SQL the user wrote; the service itself keeps a read-only profile read-only
 *   (statement guard + READ ONLY transaction), because only it can tell a SELECT from an UPDATE.
 */
export type WriteDeclaration = boolean | 'guarded';

export interface MutationEffects {
  readonly writes: WriteDeclaration;
}

/** A read that changes nothing in any database; safe to retry and to cache. */
export function query<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> {
  return { kind: 'query', summary, input, output, writes: false };
}

/** A call that changes state (a database, a profile, a file); never retried automatically. */
export function mutation<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
  effects: MutationEffects,
): MethodSpec<I, O> {
  return { kind: 'mutation', summary, input, output, writes: effects.writes };
}

/** Every connection-scoped call names its connection; 'demo' is the embedded database. */
export const connectionId = z.string().min(1).max(64);
export const withConnection = z.object({ connectionId });

/** Wire types: int8 and numeric travel as strings (pg's defaults), times as ISO strings. */
export const int8String = z.string().regex(/^-?\d+$/);
export const isoTime = z.string();
