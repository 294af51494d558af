import { rangeVarName, statementAs, strings, unwrap, unwrapAll, type QualifiedName } from '../../sql-parser/ast';
import { alterCommandsOf } from './statements';
import type { LintStatement } from './types';

/**
 * What the earlier migrations of a folder left, as far as the linter needs it: which columns
 * exist and which are NOT NULL. Linting a folder in order, each up script is applied to it after
 * it is linted, so a rule can tell "SET NOT NULL on a column that already was" (nothing for the
 * down script to undo) from a real change.
 */
export class PriorSchema {
  /** table name → column name → NOT NULL (names compared as PostgreSQL folds them, schema left out). */
  private readonly tables = new Map<string, Map<string, boolean>>();

  /** true/false when an earlier migration defined the column, undefined when it is not known. */
  isNotNull(table: QualifiedName, column: string): boolean | undefined {
    return this.tables.get(table.name.toLowerCase())?.get(column.toLowerCase());
  }

  private define(table: QualifiedName, column: string, notNull: boolean): void {
    const key = table.name.toLowerCase();
    let columns = this.tables.get(key);
    if (!columns) this.tables.set(key, (columns = new Map()));
    columns.set(column.toLowerCase(), notNull);
  }

  private dropColumn(table: QualifiedName, column: string): void {
    this.tables.get(table.name.toLowerCase())?.delete(column.toLowerCase());
  }

  private dropTable(table: QualifiedName): void {
    this.tables.delete(table.name.toLowerCase());
  }

  apply(statements: LintStatement[]): void {
    for (const statement of statements) {
      if (statement.kind !== 'CreateStmt' && statement.kind !== 'DropStmt' && statement.kind !== 'AlterTableStmt') continue;
      const create = statementAs(statement, 'CreateStmt');
      if (create) {
        const table = rangeVarName(create.relation);
        const keys = new Set(unwrapAll(create.tableElts, 'Constraint').filter((c) => c.contype === 'CONSTR_PRIMARY').flatMap((c) => strings(c.keys)));
        for (const column of unwrapAll(create.tableElts, 'ColumnDef')) {
          const constraints = unwrapAll(column.constraints, 'Constraint');
          const name = column.colname ?? '';
          this.define(table, name, keys.has(name) || constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY'));
        }
        continue;
      }
      const drop = statementAs(statement, 'DropStmt');
      if (drop?.removeType === 'OBJECT_TABLE')
        for (const object of drop.objects ?? []) {
          const parts = strings(unwrap(object, 'List')?.items);
          const name = parts.at(-1);
          if (name) this.dropTable({ name, ...(parts.length > 1 ? { schema: parts.at(-2)! } : {}) });
        }
      for (const { table, cmd } of alterCommandsOf(statement)) {
        const column = cmd.subtype === 'AT_AddColumn' ? unwrap(cmd.def, 'ColumnDef') : undefined;
        if (column) {
          const constraints = unwrapAll(column.constraints, 'Constraint');
          this.define(table, column.colname ?? '', constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY'));
        } else if (cmd.subtype === 'AT_SetNotNull' && cmd.name) this.define(table, cmd.name, true);
        else if (cmd.subtype === 'AT_DropNotNull' && cmd.name) this.define(table, cmd.name, false);
        else if (cmd.subtype === 'AT_DropColumn' && cmd.name) this.dropColumn(table, cmd.name);
        else if (cmd.subtype === 'AT_AddConstraint') {
          const c = unwrap(cmd.def, 'Constraint');
          if (c?.contype === 'CONSTR_PRIMARY') for (const key of strings(c.keys)) this.define(table, key, true);
        }
      }
    }
  }
}
