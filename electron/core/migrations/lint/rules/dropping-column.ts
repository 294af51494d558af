import { alterCommands } from '../statements';
import { ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** Seed 001 "Migration Rules" §1: never drop columns in production; rename to *_deprecated, remove in the next major version. */
export const droppingColumn: LintRule = {
  id: 'dropping-column',
  severity: 'error',
  title: 'Column dropped',
  why:
    'Dropping a column breaks every query of the application version still running that names it, and its data is gone: ' +
    'the down script cannot bring it back. The team rule is to rename it to *_deprecated, note when, and drop it in the next major version.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const a of alterCommands(ctx.up.statements)) {
      if (a.cmd.subtype !== 'AT_DropColumn' || ctx.isNewTable(a.statement, a.table)) continue;
      const table = qualified(a.table);
      const column = ident(a.cmd.name ?? '');
      const deprecated = ident(`${a.cmd.name ?? ''}_deprecated`);
      hits.push({
        statement: a.statement,
        message: `Column ${table}.${column} is dropped, with its data.`,
        safeRewrite: [
          `ALTER TABLE ${table} RENAME COLUMN ${column} TO ${deprecated};`,
          `COMMENT ON COLUMN ${table}.${deprecated} IS 'Deprecated <date>, remove in v<next major>';`,
        ].join('\n'),
      });
    }
    return hits;
  },
};
