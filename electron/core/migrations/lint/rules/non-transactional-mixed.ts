import type { LintRule, RuleHit } from '../types';

/** Statements that only configure the session do not make a partial run harmful. */
const sessionOnly = new Set(['VariableSetStmt', 'VariableShowStmt']);

export const nonTransactionalMixed: LintRule = {
  id: 'non-transactional-mixed',
  severity: 'warning',
  title: 'Non-transactional statement mixed with other changes',
  why:
    'A script with a statement that cannot run inside a transaction (CREATE INDEX CONCURRENTLY, VACUUM …) runs statement by statement. ' +
    'If a later statement fails, the earlier ones stay applied while the migration is not recorded as applied: ' +
    'the next attempt then fails on objects that already exist, and rolling back needs manual work.',
  check(ctx) {
    const hits: RuleHit[] = [];
    if (ctx.transaction === 'always') return hits; // concurrently-in-transaction reports these
    for (const script of [ctx.up, ctx.down]) {
      const statements = script?.statements ?? [];
      const first = statements.find((s) => s.nonTransactional);
      const others = statements.filter((s) => !s.nonTransactional && !sessionOnly.has(s.kind) && !s.transactionControl);
      if (!first || others.length === 0) continue;
      hits.push({
        statement: first,
        message: `This ${script?.kind} script mixes "${first.text.split('\n')[0]}" with ${others.length} transactional statement${others.length > 1 ? 's' : ''}.`,
        safeRewrite: 'Move the CONCURRENTLY (and other non-transactional) statements into a migration of their own, so everything else stays atomic.',
      });
    }
    return hits;
  },
};
