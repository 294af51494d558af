import { rangeVarName, statementAs } from '../../../sql-parser/ast';
import { qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** CREATE INDEX reference page, "Building Indexes Concurrently"; seed 000 risk table: "Index creation locks table → use CONCURRENTLY". */
export const createIndexNonConcurrently: LintRule = {
  id: 'create-index-non-concurrently',
  severity: 'error',
  title: 'CREATE INDEX without CONCURRENTLY on an existing table',
  why:
    'A plain CREATE INDEX holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on the table waits, ' +
    'for minutes on a large table. CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE and lets writes continue.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.up.statements) {
      const stmt = statementAs(statement, 'IndexStmt');
      if (!stmt || stmt.concurrent) continue;
      const table = rangeVarName(stmt.relation);
      // ON ONLY a partitioned table creates an invalid parent index without touching partitions
      // (libpg_query omits false fields, so `inh` is absent then).
      if (stmt.relation?.inh !== true || ctx.isNewTable(statement, table)) continue;
      const rewritten = statement.text.replace(/^(CREATE\s+(?:UNIQUE\s+)?INDEX)\b/i, '$1 CONCURRENTLY');
      hits.push({
        statement,
        location: stmt.relation?.location,
        message: `CREATE INDEX on ${qualified(table)} blocks writes to it until the index is built.`,
        safeRewrite: [
          `-- In a migration of its own (CONCURRENTLY cannot run inside a transaction):`,
          `${rewritten};`,
          `-- If it fails it leaves an INVALID index: DROP INDEX CONCURRENTLY it before retrying (IF NOT EXISTS would skip it).`,
        ].join('\n'),
      });
    }
    return hits;
  },
};
