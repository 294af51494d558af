import type { LintRule } from '../types';
import { firstUnguardedStrongLock } from './missing-lock-timeout';

/** squawk's require-timeout-settings asks for both timeouts; lock_timeout has its own rule. */
export const missingStatementTimeout: LintRule = {
  id: 'missing-statement-timeout',
  severity: 'warning',
  title: 'Strong lock taken without statement_timeout',
  why:
    'A statement that rewrites or scans a big table while holding a lock that blocks writes keeps the table unwritable for as long as it ' +
    'runs; without statement_timeout nothing bounds that. SET statement_timeout makes an unexpectedly long run fail (and roll back) ' +
    "instead of becoming an outage. (This console's migration engine sets statement_timeout for every migration; psql, Flyway and " +
    'golang-migrate do not.)',
  check(ctx) {
    if (ctx.lockTimeoutByRunner) return [];
    const first = firstUnguardedStrongLock(ctx.up.statements, ctx, 'statement_timeout');
    if (!first) return [];
    const { statement, lock } = first;
    return [
      {
        statement,
        message: `This holds ${lock.lock} on ${lock.relation.schema ? `${lock.relation.schema}.` : ''}${lock.relation.name}${lock.via === 'index' ? "'s table" : ''} with no statement_timeout set before it in the script.`,
        safeRewrite: ctx.runnerWraps(statement.script)
          ? `-- At the top of the migration, with a bound you accept for the table:\nSET LOCAL statement_timeout = '5min';`
          : `-- At the top of the migration (it runs outside a transaction, so SET LOCAL would not stick):\nSET statement_timeout = '5min';`,
      },
    ];
  },
};
