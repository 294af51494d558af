import { z } from 'zod';

export type MethodKind = 'query' | 'mutation';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: MethodKind;
  readonly summary: string;
  readonly input: I;
  readonly output: O;
}

/** A read that changes nothing in any database; safe to retry and to cache. */
export function query<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> {
  return { kind: 'query', summary, input, output };
}

/** A call that changes state (a database, a profile, a file); never retried automatically. */
export function mutation<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> {
  return { kind: 'mutation', summary, input, output };
}

/** Every connection-scoped call names its connection; 'demo' is the embedded database. */
export const connectionId = z.string().min(1).max(64);
export const withConnection = z.object({ connectionId });

/** Wire types: int8 and numeric travel as strings (pg's defaults), times as ISO strings. */
export const int8String = z.string().regex(/^-?\d+$/);
export const isoTime = z.string();
