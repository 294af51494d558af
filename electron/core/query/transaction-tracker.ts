import type { TransactionRole } from './transaction-statements';

/**
 * The transaction status byte of PostgreSQL's ReadyForQuery message (PG docs, "Message Formats":
 * 'I' idle, not in a transaction block; 'T' in a transaction block; 'E' in a failed transaction
 * block, queries rejected until the block ends). node-postgres keeps the last one it received
 * (Client.getTransactionStatus()).
 */
export type TxStatus = 'I' | 'T' | 'E';

/** What a transaction did, reported when it ends (for the audit log and history). */
export interface EndedTransaction {
  startedAt: number;
  statements: number;
  /** PostgreSQL said it had a transaction id, or a statement that may write ran unprobed. */
  wrote: boolean;
  readOnly: boolean;
  /** The statements' text, oldest first (capped). */
  sql: string[];
}

/** Statement texts kept for the audit entry: enough to say what was committed, bounded in memory. */
export const MAX_KEPT_STATEMENTS = 50;
const MAX_KEPT_CHARS = 2_000;

/**
 * One pinned session's transaction, following PostgreSQL's status after every statement: when
 * it began, what ran in it, and whether it wrote. "Wrote" comes from PostgreSQL itself
 * (pg_current_xact_id_if_assigned() is not null once the transaction changed something; PG docs,
 * "Transaction ID and Snapshot Information Functions"); between a statement that may write and
 * the next probe it is assumed.
 */
export class TransactionTracker {
  status: TxStatus = 'I';
  startedAt: number | null = null;
  statements = 0;
  readOnly = false;
  /** PostgreSQL confirmed the transaction has a transaction id. */
  private confirmedWrite = false;
  /** A statement that may write ran and PostgreSQL has not been asked since. */
  private unprobed = false;
  private sql: string[] = [];

  get wrote(): boolean {
    return this.confirmedWrite || this.unprobed;
  }

  /** PostgreSQL has not yet said that the open transaction wrote. */
  get unconfirmed(): boolean {
    return !this.confirmedWrite;
  }

  /** A probe is worth its round trip: a transaction is open, healthy, and not yet known to write. */
  get wantsProbe(): boolean {
    return this.status === 'T' && this.unprobed && !this.confirmedWrite;
  }

  /** The console sent BEGIN [READ ONLY] itself before a statement. */
  begun(at: number, readOnly: boolean): void {
    this.fresh(at, readOnly);
    this.status = 'T';
  }

  /** The answer of pg_current_xact_id_if_assigned() IS NOT NULL, asked inside the open transaction. */
  probed(wrote: boolean): void {
    if (this.status !== 'T') return;
    this.confirmedWrite ||= wrote;
    this.unprobed = false;
  }

  /**
   * After a statement typed by the user, with the status PostgreSQL reported once it finished.
   * Returns the transaction the statement ended (COMMIT, ROLLBACK, … AND CHAIN, an error in COMMIT).
   */
  observe(status: TxStatus, statement: { text: string; role: TransactionRole; startedAt: number }): EndedTransaction | undefined {
    const before = this.status;
    const wasReadOnly = this.readOnly;
    let ended: EndedTransaction | undefined;
    if (before !== 'I' && (status === 'I' || statement.role.ends)) ended = this.end();
    if (status !== 'I') {
      const began = before === 'I' || ended !== undefined;
      if (began) this.fresh(statement.startedAt, statement.role.begins ? statement.role.readOnlyBegin : wasReadOnly);
      // BEGIN and the COMMIT … AND CHAIN that opened this transaction are not counted in it; nor
      // statements PostgreSQL ignored because the transaction had already failed.
      if (!statement.role.begins && !statement.role.ends && before !== 'E') {
        this.statements++;
        if (this.sql.length < MAX_KEPT_STATEMENTS) this.sql.push(statement.text.slice(0, MAX_KEPT_CHARS));
        if (status === 'T' && statement.role.mayWrite) this.unprobed = true;
      }
    }
    this.status = status;
    return ended;
  }

  /** The transaction ended outside a statement (the console's COMMIT or ROLLBACK, a lost session). */
  end(): EndedTransaction | undefined {
    if (this.status === 'I' || this.startedAt === null) {
      this.status = 'I';
      return undefined;
    }
    const ended: EndedTransaction = {
      startedAt: this.startedAt,
      statements: this.statements,
      wrote: this.wrote,
      readOnly: this.readOnly,
      sql: this.sql,
    };
    this.status = 'I';
    this.fresh(null, false);
    return ended;
  }

  private fresh(at: number | null, readOnly: boolean): void {
    this.startedAt = at;
    this.statements = 0;
    this.readOnly = readOnly;
    this.confirmedWrite = false;
    this.unprobed = false;
    this.sql = [];
  }
}
