import { redactPasswords } from '../store/query-history';
import type { EndedTransaction } from './transaction-tracker';

export type TransactionEnd = 'commit' | 'rollback' | 'prepare';

const ACTIONS: Record<TransactionEnd, string> = {
  commit: 'query.commit',
  rollback: 'query.rollback',
  prepare: 'query.prepareTransaction',
};
const VERBS: Record<TransactionEnd, string> = { commit: 'COMMIT', rollback: 'ROLLBACK', prepare: 'PREPARE TRANSACTION' };

/** Statement text in the audit detail: the first ones, each cut short; passwords masked as in history. */
const LISTED = 10;
const PER_STATEMENT = 300;

/** The command tag of a typed statement that ended a transaction, as the end it was. */
export function endFromCommand(command: string | null): TransactionEnd {
  if (command === 'ROLLBACK') return 'rollback';
  if (command === 'PREPARE TRANSACTION') return 'prepare';
  return 'commit';
}

export function formatSeconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/**
 * The audit entry for the end of an editor transaction that changed something. The SQL editor's
 * auto-commit runs are kept in the query history, not the audit log; a Manual-mode transaction
 * is recorded once, where it becomes permanent or is thrown away: at its COMMIT or ROLLBACK.
 */
export function transactionAuditEntry(
  end: TransactionEnd,
  tx: EndedTransaction,
  opts: { now: number; by: string },
): { action: string; target: string; detail: string } {
  const listed = tx.sql.slice(0, LISTED).map((s) => {
    const one = redactPasswords(s.replace(/\s+/g, ' ').trim());
    return one.length > PER_STATEMENT ? `${one.slice(0, PER_STATEMENT)}…` : one;
  });
  const more = tx.statements - listed.length;
  const count = `${tx.statements} statement${tx.statements === 1 ? '' : 's'}`;
  return {
    action: ACTIONS[end],
    target: 'SQL editor transaction',
    detail:
      `${VERBS[end]} (${opts.by}) of a transaction of ${count} over ${formatSeconds(opts.now - tx.startedAt)}: ` +
      `${listed.join('; ')}${more > 0 ? `; … and ${more} more` : ''}`,
  };
}
