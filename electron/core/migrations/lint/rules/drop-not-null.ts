import { alterCommands } from '../statements';
import { ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** A relaxation that running code and the rollback may not survive (squawk has no such rule; migra-style reviews ask for it). */
export const dropNotNull: LintRule = {
  id: 'drop-not-null',
  severity: 'warning',
  title: 'DROP NOT NULL',
  why:
    'Once NULLs are allowed, new rows may carry them while the application version still running assumes they cannot, and the rollback ' +
    '(SET NOT NULL) then has to scan the whole table under ACCESS EXCLUSIVE and fails if any NULL arrived meanwhile. Make readers ' +
    'NULL-safe first, and write the down script so it handles the NULLs (UPDATE … SET col = <default> WHERE col IS NULL before SET NOT NULL).',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const { statement, table, cmd } of alterCommands(ctx.up.statements)) {
      if (cmd.subtype !== 'AT_DropNotNull' || ctx.isNewTable(statement, table)) continue;
      const column = ident(cmd.name ?? '');
      hits.push({
        statement,
        message: `${qualified(table)}.${column} starts accepting NULL.`,
        safeRewrite: [
          `-- Deploy application code that copes with NULL in ${column} first. In the down script:`,
          `UPDATE ${qualified(table)} SET ${column} = <a default> WHERE ${column} IS NULL;`,
          `ALTER TABLE ${qualified(table)} ALTER COLUMN ${column} SET NOT NULL;`,
        ].join('\n'),
      });
    }
    return hits;
  },
};
