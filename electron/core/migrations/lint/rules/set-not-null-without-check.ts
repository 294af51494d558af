import type { Node } from 'libpg-query';
import { sameName, strings, unwrap } from '../../../sql-parser/ast';
import { alterCommands, type AlterCommand } from '../statements';
import { derivedName, ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/**
 * ALTER TABLE reference page, SET/DROP NOT NULL: "SET NOT NULL may only be applied to a column
 * provided none of the records in the table contain a NULL value for the column. Ordinarily this
 * is checked during the ALTER TABLE by scanning the entire table; however, if a valid CHECK
 * constraint exists (and is not dropped in the same command) which proves no NULL can exist,
 * then the table scan is skipped." Seed 001 "Migration Rules" §2.
 */

/** CHECK (col IS NOT NULL) */
function provesNotNull(expr: Node | undefined, column: string): boolean {
  const test = unwrap(expr, 'NullTest');
  return test?.nulltesttype === 'IS_NOT_NULL' && strings(unwrap(test.arg, 'ColumnRef')?.fields).at(-1) === column;
}

/** An earlier statement of the script that validates a CHECK on the table (or adds one, validated, proving the column). */
function proofBefore(commands: AlterCommand[], target: AlterCommand, column: string): boolean {
  return commands.some((a) => {
    if (a.statement.index >= target.statement.index || !sameName(a.table, target.table)) return false;
    if (a.cmd.subtype === 'AT_ValidateConstraint') return true;
    const constraint = a.cmd.subtype === 'AT_AddConstraint' ? unwrap(a.cmd.def, 'Constraint') : undefined;
    return constraint?.contype === 'CONSTR_CHECK' && !constraint.skip_validation && provesNotNull(constraint.raw_expr, column);
  });
}

export const setNotNullWithoutCheck: LintRule = {
  id: 'set-not-null-without-check',
  severity: 'error',
  title: 'SET NOT NULL without a validated CHECK first',
  why:
    'SET NOT NULL scans the whole table for NULLs while holding ACCESS EXCLUSIVE: no reads or writes until the scan ends. ' +
    'When a valid CHECK (column IS NOT NULL) already exists, PostgreSQL (12+) skips the scan. The CHECK can be added NOT VALID ' +
    'and validated under SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes.',
  check(ctx) {
    const hits: RuleHit[] = [];
    const commands = alterCommands(ctx.up.statements);
    for (const a of commands) {
      const constraint = a.cmd.subtype === 'AT_AddConstraint' ? unwrap(a.cmd.def, 'Constraint') : undefined;
      const addNotNull = constraint?.contype === 'CONSTR_NOTNULL' && !constraint.skip_validation;
      if (a.cmd.subtype !== 'AT_SetNotNull' && !addNotNull) continue;
      if (ctx.isNewTable(a.statement, a.table)) continue;
      const columnName = a.cmd.name ?? strings(constraint?.keys)[0] ?? '';
      if (proofBefore(commands, a, columnName)) continue;
      const table = qualified(a.table);
      const column = ident(columnName);
      const check = ident(derivedName(a.table.name, columnName, 'not_null'));
      hits.push({
        statement: a.statement,
        location: constraint?.location,
        message: `NOT NULL on ${table}.${column} is checked by scanning the whole table under ACCESS EXCLUSIVE (unless a validated CHECK (${column} IS NOT NULL) exists from an earlier migration: then suppress this with that reason).`,
        safeRewrite: [
          `-- Migration 1:`,
          `ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${column} IS NOT NULL) NOT VALID;`,
          `-- Migration 2 (reads and writes continue during the check):`,
          `ALTER TABLE ${table} VALIDATE CONSTRAINT ${check};`,
          `-- Migration 3 (no scan: the CHECK proves it):`,
          `ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL;`,
          `ALTER TABLE ${table} DROP CONSTRAINT ${check};`,
          `-- PostgreSQL 18 can do it directly: ADD CONSTRAINT … NOT NULL ${column} NOT VALID, then VALIDATE CONSTRAINT.`,
        ].join('\n'),
      });
    }
    return hits;
  },
};
