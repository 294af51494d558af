import { statementAs } from '../../../sql-parser/ast';
import { alterCommandsOf } from '../statements';
import type { LintRule, LintStatement, RuleHit } from '../types';

/**
 * squawk's prefer-robust-stmts: a script that runs outside a transaction is not atomic. When it
 * fails half-way, what ran stays; running it again must not fail on what is already there.
 */
function notRerunnable(statement: LintStatement): string | undefined {
  const create = statementAs(statement, 'CreateStmt');
  if (create && !create.if_not_exists) return 'CREATE TABLE IF NOT EXISTS';
  const index = statementAs(statement, 'IndexStmt');
  if (index && !index.if_not_exists) return `CREATE INDEX${index.concurrent ? ' CONCURRENTLY' : ''} IF NOT EXISTS (with a name)`;
  const drop = statementAs(statement, 'DropStmt');
  if (drop && !drop.missing_ok) return 'DROP … IF EXISTS';
  const seq = statementAs(statement, 'CreateSeqStmt');
  if (seq && !seq.if_not_exists) return 'CREATE SEQUENCE IF NOT EXISTS';
  const schema = statementAs(statement, 'CreateSchemaStmt');
  if (schema && !schema.if_not_exists) return 'CREATE SCHEMA IF NOT EXISTS';
  for (const { cmd } of alterCommandsOf(statement)) {
    if (cmd.subtype === 'AT_AddColumn' && !cmd.missing_ok) return 'ADD COLUMN IF NOT EXISTS';
    if (cmd.subtype === 'AT_DropColumn' && !cmd.missing_ok) return 'DROP COLUMN IF EXISTS';
    if (cmd.subtype === 'AT_DropConstraint' && !cmd.missing_ok) return 'DROP CONSTRAINT IF EXISTS';
  }
  return undefined;
}

export const preferRobustStatements: LintRule = {
  id: 'prefer-robust-statements',
  severity: 'warning',
  title: 'Statement that fails when re-run, outside a transaction',
  why:
    'Outside a transaction each statement commits on its own: if the script fails half-way, the statements before the failure stay ' +
    'done and the migration is not recorded, so it runs again from the top. A CREATE without IF NOT EXISTS (or a DROP without IF ' +
    'EXISTS) then fails on what the first attempt already did, and the migration is stuck until someone edits the database by hand.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const script of [ctx.up, ctx.down]) {
      if (!script) continue;
      const changes = script.statements.filter((s) => !statementAs(s, 'VariableSetStmt') && !statementAs(s, 'TransactionStmt'));
      // One statement is atomic on its own (a failed CREATE INDEX CONCURRENTLY leaves an INVALID index,
      // which IF NOT EXISTS would then hide: the engine reports it with the DROP that fixes it).
      if (changes.length <= 1) continue;
      for (const statement of script.statements) {
        if (ctx.inTransaction(statement)) continue;
        const robust = notRerunnable(statement);
        if (!robust) continue;
        hits.push({
          statement,
          message: `This runs outside a transaction and fails if the script is run again after a partial failure.`,
          safeRewrite: `Write it as ${robust}.`,
        });
      }
    }
    return hits;
  },
};
