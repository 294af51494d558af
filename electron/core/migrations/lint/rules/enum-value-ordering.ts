import { nameFromList, statementAs } from '../../../sql-parser/ast';
import { qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** ALTER TYPE reference page, Notes: values added with BEFORE/AFTER make comparisons slower; and the sort order itself changes. */
export const enumValueOrdering: LintRule = {
  id: 'enum-value-ordering',
  severity: 'warning',
  title: 'ALTER TYPE … ADD VALUE BEFORE/AFTER',
  why:
    'An enum value placed between existing ones changes how the type sorts: ORDER BY, <, > and range checks in queries, views and ' +
    'application code see a new order. PostgreSQL also compares such values more slowly (it must look their position up in ' +
    'pg_enum). ADD VALUE without BEFORE/AFTER appends at the end and changes nothing for existing values; the added value also cannot ' +
    'be removed by a down script.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.up.statements) {
      const stmt = statementAs(statement, 'AlterEnumStmt');
      if (!stmt?.newVal || !stmt.newValNeighbor) continue;
      const type = qualified(nameFromList(stmt.typeName));
      hits.push({
        statement,
        message: `'${stmt.newVal}' goes ${stmt.newValIsAfter ? 'after' : 'before'} '${stmt.newValNeighbor}' in ${type}: the sort order of the type changes.`,
        safeRewrite: `ALTER TYPE ${type} ADD VALUE IF NOT EXISTS '${stmt.newVal.replaceAll("'", "''")}'; -- at the end; sort explicitly where order matters`,
      });
    }
    return hits;
  },
};
