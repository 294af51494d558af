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
  private readonly columns = new Set<string>();
  private readonly notNull = new Set<string>();

  private static key(table: QualifiedName, column: string): string {
    return `${table.name}.${column}`.toLowerCase();
  }

  /** true/false when an earlier migration defined the column, undefined when it is not known. */
  isNotNull(table: QualifiedName, column: string): boolean | undefined {
    const key = PriorSchema.key(table, column);
    return this.columns.has(key) ? this.notNull.has(key) : undefined;
  }

  private define(table: QualifiedName, column: string, notNull: boolean): void {
    const key = PriorSchema.key(table, column);
    this.columns.add(key);
    if (notNull) this.notNull.add(key);
    else this.notNull.delete(key);
  }

  private dropTable(table: QualifiedName): void {
    const prefix = `${table.name}.`.toLowerCase();
    for (const set of [this.columns, this.notNull]) for (const key of [...set]) if (key.startsWith(prefix)) set.delete(key);
  }

  apply(statements: LintStatement[]): void {
    for (const statement of statements) {
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
        else if (cmd.subtype === 'AT_DropColumn' && cmd.name) {
          this.columns.delete(PriorSchema.key(table, cmd.name));
          this.notNull.delete(PriorSchema.key(table, cmd.name));
        } else if (cmd.subtype === 'AT_AddConstraint') {
          const c = unwrap(cmd.def, 'Constraint');
          if (c?.contype === 'CONSTR_PRIMARY') for (const key of strings(c.keys)) this.define(table, key, true);
        }
      }
    }
  }
}
