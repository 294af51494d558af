import type { SessionState } from '../../../shared/contract/query-session';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { audited, type AuditLog } from '../audit/audit-log';
import { sessionEnded, settledStatus } from '../db/transaction-status';
import { auditRefusal } from '../read-only/refusal-audit';
import { toErrorBody } from '../rpc/to-error-body';
import type { PinnedSessions } from './pinned-sessions';
import { transactionAuditEntry } from './transaction-audit';

/**
 * The Commit and Rollback buttons: COMMIT or ROLLBACK on the pinned session, audited when the
 * transaction changed something (PostgreSQL is asked first whether it has a transaction id).
 * A failed transaction cannot be committed: PostgreSQL would answer COMMIT with a rollback.
 * `commit-read-only` (a read-only profile): a transaction that wrote, or was not opened READ ONLY,
 * is rolled back instead and the commit refused with READ_ONLY.
 */
export async function endTransaction(
  pinned: PinnedSessions,
  audit: AuditLog,
  connectionId: string,
  id: string,
  asked: 'commit' | 'rollback' | 'commit-read-only',
): Promise<{ state: SessionState; message: string }> {
  let how: 'commit' | 'rollback' = asked === 'rollback' ? 'rollback' : 'commit';
  let refusal: string | undefined;
  const message = await pinned.exclusive(connectionId, id, how === 'commit' ? 'Commit' : 'Rollback', undefined, async (p) => {
    const status = (p.tracker.status = await settledStatus(p.client));
    if (status === 'I') return `No transaction is open: nothing to ${how === 'commit' ? 'commit' : 'roll back'}.`;
    if (status === 'E' && how === 'commit')
      throw new RpcError(
        'CONFLICT',
        'The transaction failed (a statement in it raised an error), so PostgreSQL cannot commit it: COMMIT would only roll it back. Roll back to continue.',
      );
    await pinned.probe(p);
    const openedReadOnly = p.tracker.readOnly;
    const tx = p.tracker.end()!;
    if (asked === 'commit-read-only' && (tx.wrote || !openedReadOnly)) {
      how = 'rollback';
      refusal = `This connection's profile is read-only, so a transaction that ${tx.wrote ? 'changed something' : 'was not opened READ ONLY'} is not committed: it was rolled back.`;
      auditRefusal(audit, { connectionId, target: 'COMMIT', reason: refusal });
    }
    const verb = how === 'commit' ? 'COMMIT' : 'ROLLBACK';
    const run = async () => {
      try {
        await p.client.query(verb);
      } catch (err) {
        if (sessionEnded(p.client)) {
          p.lost = { detail: err instanceof Error ? err.message : String(err), duringCommit: how === 'commit' };
          throw err;
        }
        const body = toErrorBody(err);
        throw new RpcError(body.code, `${verb} failed, so PostgreSQL rolled the transaction back: ${body.message}`, body.pg);
      }
    };
    if (tx.wrote) await audited(audit, connectionId, transactionAuditEntry(how, tx, { now: Date.now(), by: `${verb} button` }), run);
    else await run();
    const count = `${tx.statements} statement${tx.statements === 1 ? '' : 's'}`;
    return how === 'commit'
      ? `Committed ${count}${tx.wrote ? '' : ' (nothing had changed)'}.`
      : `Rolled back ${count}${tx.wrote ? ': their changes are undone' : ' (nothing had changed)'}.`;
  });
  if (refusal) throw new RpcError('READ_ONLY', refusal);
  return { state: pinned.state(connectionId, id), message };
}
