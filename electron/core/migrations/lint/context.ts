import { sameName, statementAs, type QualifiedName } from '../../sql-parser/ast';
import { createdTable } from '../locks/created-table';
import { byteToCharIndex, lineColumnIndex } from '../../sql-parser/byte-offsets';
import { splitSql } from '../../sql-parser';
import type { PriorSchema } from './prior-schema';
import type { LintContext, LintScript, LintStatement, ScriptKind, TransactionMode } from './types';

/**
 * Parses one script into lint statements. The parse-tree `location`s of a statement split from a
 * longer input are byte offsets into that input's segment; `location - nodeBase` makes them
 * offsets into the statement, which positionOf() turns into a file line and column. (Parsing
 * each statement's text again would give the same, at twice the parse cost.)
 */
export async function parseScript(kind: ScriptKind, sql: string, firstLine = 1): Promise<LintScript> {
  const statements = await splitSql(sql);
  const position = lineColumnIndex(sql);
  return {
    kind,
    sql,
    statements: statements.map((s, index): LintStatement => {
      // Built on first use: most statements never have a finding to place.
      let toByteInText: ((byte: number) => number) | undefined;
      const toChar = (location: number) => (toByteInText ??= byteToCharIndex(s.text))(location - s.nodeBase);
      return {
        ...s,
        index,
        script: kind,
        textAt(from, to) {
          return s.text.slice(from !== undefined && from >= 0 ? toChar(from) : 0, to !== undefined ? toChar(to) : undefined).trim();
        },
        positionOf(location) {
          const offset = location !== undefined && location >= 0 ? toChar(location) : 0;
          const { line, column } = position(s.start + offset);
          return { line: line + firstLine - 1, column };
        },
      };
    }),
  };
}

/** For each statement, whether it sits inside an explicit BEGIN/START TRANSACTION … COMMIT/ROLLBACK. */
function explicitBlocks(script: LintScript): boolean[] {
  let open = false;
  return script.statements.map((s) => {
    const kind = statementAs(s, 'TransactionStmt')?.kind;
    if (!kind) return open;
    if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') open = true;
    else if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK' || kind === 'TRANS_STMT_PREPARE') open = false;
    return open;
  });
}

/** Whether the runner wraps this script in a transaction (see TransactionMode). */
export function runnerTransaction(script: LintScript, mode: TransactionMode): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return !script.statements.some((s) => s.nonTransactional);
}

export function buildContext(options: {
  name: string;
  up: LintScript;
  down: LintScript | undefined;
  transaction: TransactionMode;
  lockTimeoutByRunner: boolean;
  priorSchema?: PriorSchema | undefined;
}): LintContext {
  const scripts = { up: options.up, down: options.down };
  const blocks = { up: explicitBlocks(options.up), down: options.down ? explicitBlocks(options.down) : [] };
  // Rules ask isNewTable for most statements: the tables each script creates are listed once.
  const created: Partial<Record<ScriptKind, Array<{ index: number; name: QualifiedName }>>> = {};
  const createdTables = (kind: ScriptKind) =>
    (created[kind] ??= (scripts[kind]?.statements ?? []).flatMap((s) => {
      const name = createdTable(s);
      return name ? [{ index: s.index, name }] : [];
    }));
  const wrapped = { up: runnerTransaction(options.up, options.transaction), down: options.down ? runnerTransaction(options.down, options.transaction) : false };
  return {
    ...options,
    priorSchema: options.priorSchema,
    isNewTable(statement, table) {
      return createdTables(statement.script).some((c) => c.index < statement.index && sameName(c.name, table));
    },
    runnerWraps(kind) {
      return wrapped[kind];
    },
    inTransaction(statement) {
      return wrapped[statement.script] || blocks[statement.script][statement.index] === true;
    },
  };
}
