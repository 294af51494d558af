import type { LintRule, RuleHit } from '../types';

export const transactionControl: LintRule = {
  id: 'transaction-control',
  severity: 'error',
  title: 'BEGIN/COMMIT inside a migration the runner wraps in a transaction',
  why:
    'The runner already runs each migration in one transaction. A COMMIT in the script ends that transaction early: ' +
    'whatever follows runs outside it, so a failure can no longer be rolled back, and the runner\'s own COMMIT or ROLLBACK ' +
    'then acts on nothing (or on the wrong transaction).',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const script of [ctx.up, ctx.down]) {
      if (!script || !ctx.runnerWraps(script.kind)) continue;
      for (const statement of script?.statements ?? []) {
        if (!statement.transactionControl) continue;
        hits.push({
          statement,
          message: `"${statement.text}" in a script that runs inside the runner's transaction.`,
          safeRewrite: 'Remove BEGIN/COMMIT/ROLLBACK/SAVEPOINT from the script; split the work into separate migrations where it must commit in steps.',
        });
      }
    }
    return hits;
  },
};
