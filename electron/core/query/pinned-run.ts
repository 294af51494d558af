import type { StatementOutcome } from '../../../shared/contract/query';
import { RpcError } from '../../../shared/rpc/rpc-error';
import type { AuditLog } from '../audit/audit-log';
import { sessionEnded, settledStatus } from '../db/transaction-status';
import type { SqlStatement } from '../sql-parser';
import type { EditorSession, EditorSessions } from './editor-sessions';
import type { Pinned } from './pinned-session';
import type { PinnedSessions } from './pinned-sessions';
import { endFromCommand, transactionAuditEntry } from './transaction-audit';
import { opensImplicitly, transactionRole, type TransactionRole } from './transaction-statements';

/**
 * One Manual-mode run on a pinned session: what runScript does differently there. Before each
 * statement, a transaction is opened if none is (BEGIN, or BEGIN READ ONLY), like DataGrip's
 * manual mode; after it, PostgreSQL's transaction status is read back. A transaction ended by a
 * typed COMMIT/ROLLBACK that wrote is audited like the Commit and Rollback buttons.
 */
export class PinnedRun {
  session: EditorSession | undefined;
  private current: { role: TransactionRole; startedAt: number; text: string } | undefined;

  constructor(
    private readonly owner: PinnedSessions,
    private readonly p: Pinned,
    private readonly readOnly: boolean,
    private readonly audit: AuditLog,
  ) {}

  async begin(sessions: EditorSessions, runId: string): Promise<EditorSession> {
    const p = this.p;
    this.session = await sessions.begin(p.connectionId, runId, this.readOnly, {
      client: p.client,
      pid: p.pid,
      handBack: async (session) => {
        if (p.held === session) p.held = undefined;
      },
      touch: () => this.owner.touch(p),
    });
    return this.session;
  }

  /** The tab's statement timeout for this run (session-level: the transaction may end mid-run). */
  async prepare(statementTimeoutMs: number): Promise<void> {
    const { tracker, client } = this.p;
    if (this.readOnly && tracker.status !== 'I' && !tracker.readOnly)
      throw new RpcError(
        'BAD_REQUEST',
        'This tab’s transaction was opened read-write, so read-only mode cannot protect it now. Commit or roll back first, then run again in read-only mode.',
      );
    // In a failed transaction every command but ROLLBACK is refused; the user's own statements
    // get PostgreSQL's answer, the console's SET would only add noise.
    if (tracker.status === 'E') return;
    await client.query(statementTimeoutMs > 0 ? `SET statement_timeout = ${Math.trunc(statementTimeoutMs)}` : 'RESET statement_timeout');
  }

  /** Opens a transaction when the statement needs one; or says why it cannot run here. */
  async before(statement: SqlStatement): Promise<string | undefined> {
    const { tracker, client } = this.p;
    const role = transactionRole(statement);
    if (this.readOnly && role.begins)
      return 'Read-only Manual mode opens each transaction as BEGIN READ ONLY itself, so a BEGIN in the script would open a read-write one. Remove it, or turn read-only off.';
    if (role.outsideTransaction) {
      if (tracker.status !== 'I')
        return `${role.outsideTransaction}, and this tab has a transaction open. Commit or roll back first, then run it on its own.`;
      if (this.readOnly)
        return `${role.outsideTransaction}, and read-only mode runs everything inside BEGIN READ ONLY. Turn read-only off to run it.`;
    } else if (tracker.status === 'I' && opensImplicitly(role)) {
      const at = Date.now();
      await client.query(this.readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
      tracker.begun(at, this.readOnly);
    }
    this.current = { role, startedAt: Date.now(), text: statement.text };
    return undefined;
  }

  /** After a statement: PostgreSQL's transaction status; a lost session is noted, not queried. */
  async after(outcome: StatementOutcome, cursorOpen: boolean): Promise<void> {
    const { tracker, client } = this.p;
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    const error = outcome.error;
    if (
      error &&
      (error.pg?.severity === 'FATAL' ||
        error.pg?.severity === 'PANIC' ||
        sessionEnded(client) ||
        /Connection terminated/i.test(error.message))
    ) {
      this.p.lost ??= { detail: error.pg?.serverMessage ?? error.message, duringCommit: false };
      return;
    }
    // A suspended cursor's portal holds back ReadyForQuery; the status it started in still holds.
    const status = cursorOpen ? tracker.status : await settledStatus(client);
    const ended = tracker.observe(status, current);
    if (ended?.wrote && current.role.ends) {
      const end = endFromCommand(outcome.command);
      const entry = transactionAuditEntry(end, ended, { now: Date.now(), by: 'typed in the editor' });
      await this.audit
        .record(this.p.connectionId, {
          ...entry,
          outcome: error ? 'failed' : 'succeeded',
          durationMs: outcome.durationMs,
          ...(error ? { error: error.message } : {}),
        })
        .catch(() => undefined);
    }
  }

  /** After the run: its open result set (if any) keeps the session; otherwise ask whether it wrote. */
  async finish(): Promise<void> {
    this.owner.hold(this.p, this.session);
    if (!this.p.held && !this.p.lost && !sessionEnded(this.p.client)) await this.owner.probe(this.p);
  }
}
