import { nameFromList, statementAs, unwrap } from '../../../sql-parser/ast';
import { qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** DROP INDEX reference page: CONCURRENTLY "drop the index without locking out concurrent selects, inserts, updates, and deletes on the index's table". */
export const dropIndexNonConcurrently: LintRule = {
  id: 'drop-index-non-concurrently',
  severity: 'warning',
  title: 'DROP INDEX without CONCURRENTLY',
  why:
    "A plain DROP INDEX takes ACCESS EXCLUSIVE on the index's table: short, but it waits behind every running query on the table " +
    'and everything queues behind it. DROP INDEX CONCURRENTLY waits for those queries without blocking new ones.',
  check(ctx) {
    const hits: RuleHit[] = [];
    const created = new Set<string>();
    for (const statement of ctx.up.statements) {
      const index = statementAs(statement, 'IndexStmt');
      if (index?.idxname) created.add(index.idxname);
      const stmt = statementAs(statement, 'DropStmt');
      if (stmt?.removeType !== 'OBJECT_INDEX' || stmt.concurrent) continue;
      const names = (stmt.objects ?? []).map((o) => nameFromList(unwrap(o, 'List')?.items)).filter((n) => !created.has(n.name));
      if (names.length === 0) continue;
      hits.push({
        statement,
        message: `DROP INDEX ${names.map(qualified).join(', ')} locks ${names.length > 1 ? 'their tables' : 'its table'} ACCESS EXCLUSIVE.`,
        safeRewrite: `${names.map((n) => `DROP INDEX CONCURRENTLY${stmt.missing_ok ? ' IF EXISTS' : ''} ${qualified(n)};`).join('\n')} -- one per statement, in a migration of its own`,
      });
    }
    return hits;
  },
};
