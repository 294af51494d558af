import { statementAs, unwrapAll } from '../../../sql-parser/ast';
import type { LintRule, RuleHit } from '../types';

/** REINDEX reference page: without CONCURRENTLY it locks out writes (and, for an index, reads through it) for the whole rebuild. */
export const reindexNonConcurrently: LintRule = {
  id: 'reindex-non-concurrently',
  severity: 'error',
  title: 'REINDEX without CONCURRENTLY',
  why:
    "A plain REINDEX takes SHARE on the table, blocking every write for the whole rebuild, and ACCESS EXCLUSIVE on the index being " +
    'rebuilt, so queries that would use it block too. REINDEX … CONCURRENTLY (PostgreSQL 12+) rebuilds alongside and swaps at the end, ' +
    'with only brief locks; it cannot run in a transaction block.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.up.statements) {
      const stmt = statementAs(statement, 'ReindexStmt');
      if (!stmt) continue;
      if (unwrapAll(stmt.params, 'DefElem').some((d) => d.defname === 'concurrently')) continue;
      const kind = (stmt.kind ?? '').replace('REINDEX_OBJECT_', '');
      if (kind === 'SYSTEM') continue; // system catalogs cannot be reindexed concurrently
      if ((kind === 'TABLE' || kind === 'INDEX') && stmt.relation && ctx.isNewTable(statement, { name: stmt.relation.relname ?? '', ...(stmt.relation.schemaname ? { schema: stmt.relation.schemaname } : {}) })) continue;
      const text = statement.text.trim();
      hits.push({
        statement,
        message: `${text.split(/\s+/).slice(0, 3).join(' ')} … blocks writes to the table while it rebuilds.`,
        safeRewrite: `${text.replace(/^(REINDEX\s*(?:\([^)]*\)\s*)?\w+)/i, '$1 CONCURRENTLY')}; -- in a migration of its own, outside a transaction`,
      });
    }
    return hits;
  },
};
