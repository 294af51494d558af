import type { AuditLog } from '../audit/audit-log';

/** What the read-only guard refused, for the audit log (action `readonly.refused`). */
export interface RefusalRecord {
  connectionId: string;
  /** The contract method, or the statement kind the editor refused (e.g. `SET default_transaction_read_only`). */
  target: string;
  /** Why, as the user was told. */
  reason: string;
}

export const REFUSED_ACTION = 'readonly.refused';

/**
 * Refusals go to the local audit log: on a read-only profile the console writes nothing to the
 * database, its own audit table included.
 */
export function auditRefusal(audit: AuditLog, refusal: RefusalRecord): void {
  audit.recordLocal(
    refusal.connectionId,
    { action: REFUSED_ACTION, target: refusal.target, detail: refusal.reason, outcome: 'failed', durationMs: 0, error: 'READ_ONLY' },
    'read-only profile',
  );
}
