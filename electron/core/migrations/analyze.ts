import { splitSql, SqlParseError, type SqlStatement } from '../sql-parser';
import type { MigrationScript } from './types';

/** How a script will run: its statements grouped into transactions and non-transactional singles. */
export interface ScriptAnalysis {
  statements: SqlStatement[];
  /** Consecutive statements that share one transaction, or one statement that must run alone outside any. */
  segments: Array<{ transactional: boolean; statements: SqlStatement[] }>;
  /** Statements that must run outside a transaction, with their line in the file. */
  nonTransactional: Array<{ line: number; reason: string }>;
  /** The script's own BEGIN … COMMIT around everything, which the engine skips (it opens its own). */
  strippedWrapper: boolean;
  /** Why the script cannot be run as it is (a syntax error, COMMIT in the middle …), with its file position. */
  problem?: { code: 'parse_error' | 'transaction_control'; message: string };
}

type TransactionKind = 'begin' | 'end' | 'abort' | 'savepoint' | 'other';

function transactionKind(statement: SqlStatement): TransactionKind {
  switch (statement.node.kind) {
    case 'TRANS_STMT_BEGIN':
    case 'TRANS_STMT_START':
      return 'begin';
    case 'TRANS_STMT_COMMIT':
      return 'end';
    case 'TRANS_STMT_ROLLBACK':
      return 'abort';
    case 'TRANS_STMT_SAVEPOINT':
    case 'TRANS_STMT_RELEASE':
    case 'TRANS_STMT_ROLLBACK_TO':
      return 'savepoint';
    default:
      return 'other'; // PREPARE TRANSACTION, COMMIT PREPARED …
  }
}

/** 1-based line of a statement in the file (a dbmate section starts below its marker). */
export function fileLine(script: MigrationScript, statement: SqlStatement): number {
  return statement.line + script.firstLine - 1;
}

/**
 * Splits a script with the PostgreSQL parser and decides how each statement runs. Scripts
 * that wrap themselves in BEGIN … COMMIT have that wrapper skipped; any other transaction
 * control (COMMIT midway, ROLLBACK, PREPARE TRANSACTION) would break the engine's own
 * transaction and is refused. Savepoints are fine.
 */
export async function analyzeScript(script: MigrationScript): Promise<ScriptAnalysis> {
  let statements: SqlStatement[];
  try {
    statements = await splitSql(script.sql);
  } catch (err) {
    if (!(err instanceof SqlParseError)) throw err;
    const line = err.line + script.firstLine - 1;
    const message = `${script.file}:${line}:${err.column}: ${err.message.replace(/ \(line \d+, column \d+\)$/, '')}`;
    return { statements: [], segments: [], nonTransactional: [], strippedWrapper: false, problem: { code: 'parse_error', message } };
  }

  let strippedWrapper = false;
  const first = statements[0];
  const last = statements[statements.length - 1];
  if (script.transaction && statements.length >= 2 && first?.transactionControl && last?.transactionControl && transactionKind(first) === 'begin' && transactionKind(last) === 'end') {
    statements = statements.slice(1, -1);
    strippedWrapper = true;
  }
  // A script marked to run without a transaction may manage its own (BEGIN … COMMIT is then its business).
  const control = script.transaction ? statements.find((s) => s.transactionControl && transactionKind(s) !== 'savepoint') : undefined;
  const nonTransactional = script.transaction
    ? statements.filter((s) => s.nonTransactional !== undefined).map((s) => ({ line: fileLine(script, s), reason: s.nonTransactional! }))
    : [{ line: script.firstLine, reason: `${script.file} is marked to run without a transaction: each statement commits on its own` }];

  const segments: ScriptAnalysis['segments'] = [];
  for (const statement of statements) {
    const alone = !script.transaction || statement.nonTransactional !== undefined;
    const open = segments[segments.length - 1];
    if (!alone && open?.transactional) open.statements.push(statement);
    else segments.push({ transactional: !alone, statements: [statement] });
  }

  const analysis: ScriptAnalysis = { statements, segments, nonTransactional, strippedWrapper };
  if (control) {
    analysis.problem = {
      code: 'transaction_control',
      message:
        `${script.file}:${fileLine(script, control)}: "${control.text}" would end the transaction the engine runs this migration in. ` +
        'Remove it: each migration already runs in its own transaction (statements such as CREATE INDEX CONCURRENTLY are run outside one automatically).',
    };
  }
  return analysis;
}
