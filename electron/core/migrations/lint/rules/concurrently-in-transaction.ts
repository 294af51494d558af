import type { LintRule, RuleHit } from '../types';

/**
 * CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM … refuse to run inside a
 * transaction block ("cannot run inside a transaction block", each command's reference page).
 */
export const concurrentlyInTransaction: LintRule = {
  id: 'concurrently-in-transaction',
  severity: 'error',
  title: 'Statement that cannot run inside a transaction, inside one',
  why:
    'PostgreSQL rejects CONCURRENTLY index builds and drops, VACUUM and a few others inside a transaction block, ' +
    'so the migration fails when it reaches this statement. Here the statement is inside an explicit BEGIN … COMMIT, ' +
    'or the runner wraps the whole script in a transaction.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const script of [ctx.up, ctx.down]) {
      for (const statement of script?.statements ?? []) {
        if (!statement.nonTransactional || !ctx.inTransaction(statement)) continue;
        const explicit = !ctx.runnerWraps(statement.script);
        hits.push({
          statement,
          message: `${statement.nonTransactional}, and here it is inside ${explicit ? 'an explicit BEGIN … COMMIT' : 'the transaction the runner opens for this script'}.`,
          safeRewrite: explicit
            ? 'Remove the BEGIN/COMMIT around it, and put it in a migration of its own.'
            : 'Put it in a migration of its own and turn off the runner\'s transaction for that one (dbmate: `-- migrate:up transaction:false`; diesel: run_in_transaction = false).',
        });
      }
    }
    return hits;
  },
};
