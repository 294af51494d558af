import { rangeVarName, statementAs, unwrapAll } from '../../../sql-parser/ast';
import { qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

export const truncateCascade: LintRule = {
  id: 'truncate-cascade',
  severity: 'error',
  title: 'TRUNCATE … CASCADE',
  why:
    'TRUNCATE … CASCADE also empties every table that has a foreign key to the named ones, and the tables referencing those, ' +
    'recursively: which tables lose their rows depends on the schema at run time, not on what the migration names. All of them are ' +
    'locked ACCESS EXCLUSIVE, and the data cannot be recovered by the down script.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.up.statements) {
      const stmt = statementAs(statement, 'TruncateStmt');
      if (stmt?.behavior !== 'DROP_CASCADE') continue;
      const tables = unwrapAll(stmt.relations, 'RangeVar').map((rv) => qualified(rangeVarName(rv)));
      hits.push({
        statement,
        message: `TRUNCATE ${tables.join(', ')} CASCADE empties every table that references ${tables.length > 1 ? 'them' : 'it'}, whatever they are at run time.`,
        safeRewrite: [
          `-- Name every table to empty; without CASCADE PostgreSQL refuses if another table still references them:`,
          `TRUNCATE ${tables.join(', ')}, <referencing tables>;`,
          `-- or delete the rows you mean in batches: DELETE FROM … WHERE … .`,
        ].join('\n'),
      });
    }
    return hits;
  },
};
