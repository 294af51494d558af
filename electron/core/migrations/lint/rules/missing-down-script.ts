import type { LintRule, ScriptHit } from '../types';

/** Seed 001 "Migration Rules" §5: keep rollback scripts ready, for every migration. */
export const missingDownScript: LintRule = {
  id: 'missing-down-script',
  severity: 'warning',
  title: 'No down script',
  why:
    'Without a down script a bad migration cannot be rolled back in minutes: the way back is a hand-written fix under pressure, or a ' +
    'restore from backup that loses every write since. Write the down script when the up script is fresh in mind.',
  check(ctx) {
    const hits: ScriptHit[] = [];
    if (ctx.up.statements.length === 0) return hits;
    if (!ctx.down)
      hits.push({
        script: 'up',
        message: `Migration ${ctx.name} has no down script.`,
        safeRewrite: 'Add a .down.sql next to the .up.sql that drops what the up script creates and restores what it changes, in reverse order.',
      });
    else if (ctx.down.statements.length === 0)
      hits.push({
        script: 'up',
        message: `The down script of ${ctx.name} is empty.`,
        safeRewrite: 'Write the statements that undo the up script, in reverse order; if the migration truly cannot be undone, say why in a comment and suppress this.',
      });
    return hits;
  },
};
