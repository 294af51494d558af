import { ZodError } from 'zod';
import type { RpcErrorBody } from '../../../shared/rpc/envelope';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { isPgDatabaseError, networkErrorBody, pgErrorBody } from '../db/pg-errors';

/** Any thrown value becomes an envelope error a person can act on; Postgres fields stay intact. */
export function toErrorBody(err: unknown): RpcErrorBody {
  if (err instanceof RpcError) return err.toBody();
  if (err instanceof ZodError) {
    const issues = err.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('; ');
    return { code: 'BAD_REQUEST', message: `Invalid input: ${issues}` };
  }
  if (isPgDatabaseError(err)) return pgErrorBody(err);
  const network = networkErrorBody(err);
  if (network) return network;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}
