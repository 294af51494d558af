import { statementAs } from '../../../sql-parser/ast';
import { ident } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

export const dropDatabase: LintRule = {
  id: 'drop-database',
  severity: 'error',
  title: 'DROP DATABASE',
  why:
    'DROP DATABASE removes a whole database, every schema and row in it, and cannot be rolled back or run in a transaction. A schema ' +
    'migration runs inside one database; dropping one (even another) belongs to operations, with a backup, not to a migration.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of [...ctx.up.statements, ...(ctx.down?.statements ?? [])]) {
      const stmt = statementAs(statement, 'DropdbStmt');
      if (!stmt) continue;
      hits.push({
        statement,
        message: `DROP DATABASE ${ident(stmt.dbname ?? '')} in a migration.`,
        safeRewrite: `-- Drop the database by hand, after a backup (pg_dump), outside the migrations.`,
      });
    }
    return hits;
  },
};
