import type { AlterTableCmd, ColumnDef, Constraint } from 'libpg-query';
import { rangeVarName, statementAs, strings, unwrap, unwrapAll, type QualifiedName } from '../../sql-parser/ast';
import type { LintStatement } from './types';

/** The pieces of DDL several rules look at, pulled out of the parse tree once. */

export interface AlterCommand {
  statement: LintStatement;
  table: QualifiedName;
  cmd: AlterTableCmd;
}

/**
 * Several rules ask for the same pieces of the same script: each answer is kept per statements
 * array (a script's list does not change while it is linted).
 */
function memoized<T>(compute: (statements: LintStatement[]) => T): (statements: LintStatement[]) => T {
  const cache = new WeakMap<LintStatement[], T>();
  return (statements) => {
    let value = cache.get(statements);
    if (value === undefined) cache.set(statements, (value = compute(statements)));
    return value;
  };
}

/** Every ALTER TABLE subcommand of the statements, with the table it alters. */
export const alterCommands = memoized(allAlterCommands);

/** The ALTER TABLE subcommands of one statement (not kept: a one-statement list is new each time). */
export function alterCommandsOf(statement: LintStatement): AlterCommand[] {
  return allAlterCommands([statement]);
}

function allAlterCommands(statements: LintStatement[]): AlterCommand[] {
  const result: AlterCommand[] = [];
  for (const statement of statements) {
    const stmt = statementAs(statement, 'AlterTableStmt');
    if (!stmt || (stmt.objtype && stmt.objtype !== 'OBJECT_TABLE')) continue;
    const table = rangeVarName(stmt.relation);
    for (const cmd of unwrapAll(stmt.cmds, 'AlterTableCmd')) result.push({ statement, table, cmd });
  }
  return result;
}

export interface ColumnSite {
  statement: LintStatement;
  table: QualifiedName;
  column: ColumnDef;
  /** Added to an existing table with ALTER TABLE … ADD COLUMN (false: in CREATE TABLE). */
  added: boolean;
  constraints: Constraint[];
  /** Part of the primary key, inline or as a table constraint. */
  primaryKey: boolean;
}

/** Every column definition: in CREATE TABLE and in ALTER TABLE … ADD COLUMN. */
export const columnSites = memoized(allColumnSites);

function allColumnSites(statements: LintStatement[]): ColumnSite[] {
  const result: ColumnSite[] = [];
  for (const statement of statements) {
    const create = statementAs(statement, 'CreateStmt');
    if (create) {
      const table = rangeVarName(create.relation);
      const pkColumns = new Set(unwrapAll(create.tableElts, 'Constraint').filter((c) => c.contype === 'CONSTR_PRIMARY').flatMap((c) => strings(c.keys)));
      for (const column of unwrapAll(create.tableElts, 'ColumnDef')) {
        const constraints = unwrapAll(column.constraints, 'Constraint');
        const primaryKey = pkColumns.has(column.colname ?? '') || constraints.some((c) => c.contype === 'CONSTR_PRIMARY');
        result.push({ statement, table, column, added: false, constraints, primaryKey });
      }
      continue;
    }
    for (const { table, cmd } of allAlterCommands([statement])) {
      const column = cmd.subtype === 'AT_AddColumn' ? unwrap(cmd.def, 'ColumnDef') : undefined;
      if (!column) continue;
      const constraints = unwrapAll(column.constraints, 'Constraint');
      result.push({ statement, table, column, added: true, constraints, primaryKey: constraints.some((c) => c.contype === 'CONSTR_PRIMARY') });
    }
  }
  return result;
}

/** ALTER TABLE … ALTER COLUMN … TYPE, as a column site (for the type-choice rules). */
export function retypedColumns(statements: LintStatement[]): Array<AlterCommand & { column: ColumnDef }> {
  return alterCommands(statements).flatMap((a) => {
    const column = a.cmd.subtype === 'AT_AlterColumnType' ? unwrap(a.cmd.def, 'ColumnDef') : undefined;
    return column ? [{ ...a, column: { ...column, colname: a.cmd.name ?? column.colname ?? '' } }] : [];
  });
}

/** Every column given a type: defined (CREATE TABLE, ADD COLUMN) or retyped (ALTER COLUMN … TYPE: no constraints, not a key). */
export const typedColumns = memoized((statements: LintStatement[]) => [
  ...columnSites(statements),
  ...retypedColumns(statements).map((r) => ({ ...r, constraints: [] as Constraint[], primaryKey: false })),
]);

export function defaultOf(constraints: Constraint[]): Constraint | undefined {
  return constraints.find((c) => c.contype === 'CONSTR_DEFAULT');
}
