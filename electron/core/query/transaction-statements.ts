import type { AstNode, SqlStatement } from '../sql-parser';

/**
 * How a statement of a Manual-mode run relates to the pinned session's transaction, read from
 * its parse tree (TransactionStmt kinds as libpg_query names them; PG docs, "SQL Commands":
 * BEGIN, COMMIT, ROLLBACK, SAVEPOINT, PREPARE TRANSACTION, COMMIT PREPARED).
 */
export interface TransactionRole {
  /** BEGIN / START TRANSACTION typed by the user: no implicit BEGIN before it. */
  begins: boolean;
  /** COMMIT / END / ROLLBACK / ABORT (also … AND CHAIN): ends the open transaction. */
  ends: boolean;
  /** A typed BEGIN/START … READ ONLY. */
  readOnlyBegin: boolean;
  /**
   * Must run with no transaction open: PREPARE TRANSACTION's siblings COMMIT/ROLLBACK PREPARED
   * and everything PreventInTransactionBlock refuses (VACUUM, CREATE INDEX CONCURRENTLY …).
   */
  outsideTransaction: string | undefined;
  /**
   * Might change data. False only for statements that cannot (plain SELECT/VALUES/TABLE without
   * INTO, FOR UPDATE or a WITH clause, EXPLAIN without ANALYZE, SHOW, SET, transaction control).
   * A function called from a SELECT can still write: the end-of-run probe asks PostgreSQL.
   */
  mayWrite: boolean;
}

type TransactionKind =
  | 'TRANS_STMT_BEGIN'
  | 'TRANS_STMT_START'
  | 'TRANS_STMT_COMMIT'
  | 'TRANS_STMT_ROLLBACK'
  | 'TRANS_STMT_SAVEPOINT'
  | 'TRANS_STMT_RELEASE'
  | 'TRANS_STMT_ROLLBACK_TO'
  | 'TRANS_STMT_PREPARE'
  | 'TRANS_STMT_COMMIT_PREPARED'
  | 'TRANS_STMT_ROLLBACK_PREPARED';

function readOnlyOption(list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  return list.some((item) => {
    const def = (item as { DefElem?: { defname?: string; arg?: { A_Const?: { ival?: { ival?: number } } } } }).DefElem;
    return def?.defname === 'transaction_read_only' && def.arg?.A_Const?.ival?.ival === 1;
  });
}

function selectReadsOnly(node: AstNode): boolean {
  return !node.intoClause && !node.lockingClause && !node.withClause;
}

function explainReadsOnly(node: AstNode): boolean {
  const analyze = (Array.isArray(node.options) ? node.options : []).find(
    (o) => (o as { DefElem?: { defname?: string } }).DefElem?.defname === 'analyze',
  ) as { DefElem: { arg?: { String?: { sval?: string }; Boolean?: { boolval?: boolean } } } } | undefined;
  if (!analyze) return true;
  const arg = analyze.DefElem.arg;
  return arg?.String?.sval === 'false' || arg?.String?.sval === 'off' || arg?.Boolean?.boolval === false;
}

export function transactionRole(statement: Pick<SqlStatement, 'kind' | 'node' | 'nonTransactional'>): TransactionRole {
  const role: TransactionRole = {
    begins: false,
    ends: false,
    readOnlyBegin: false,
    outsideTransaction: statement.nonTransactional,
    mayWrite: true,
  };
  switch (statement.kind) {
    case 'TransactionStmt': {
      const kind = statement.node.kind as TransactionKind;
      role.mayWrite = false;
      role.begins = kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START';
      role.readOnlyBegin = role.begins && readOnlyOption(statement.node.options);
      role.ends = kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK' || kind === 'TRANS_STMT_PREPARE';
      if (kind === 'TRANS_STMT_COMMIT_PREPARED' || kind === 'TRANS_STMT_ROLLBACK_PREPARED')
        role.outsideTransaction = `${kind === 'TRANS_STMT_COMMIT_PREPARED' ? 'COMMIT' : 'ROLLBACK'} PREPARED cannot run inside a transaction block`;
      return role;
    }
    case 'SelectStmt':
      role.mayWrite = !selectReadsOnly(statement.node);
      return role;
    case 'ExplainStmt':
      role.mayWrite = !explainReadsOnly(statement.node);
      return role;
    case 'VariableShowStmt':
    case 'VariableSetStmt':
      role.mayWrite = false;
      return role;
    default:
      return role;
  }
}

/** Whether the console opens a transaction (BEGIN) before this statement when none is open. */
export function opensImplicitly(role: TransactionRole): boolean {
  return !role.begins && !role.ends && !role.outsideTransaction;
}
