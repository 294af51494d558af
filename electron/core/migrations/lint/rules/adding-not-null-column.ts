import { columnSites, defaultOf } from '../statements';
import { derivedName, ident, qualified, renderType } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** Seed 001 "Migration Rules" §2: always add columns as nullable first, backfill, then NOT NULL. */
export const addingNotNullColumn: LintRule = {
  id: 'adding-not-null-column',
  severity: 'error',
  title: 'NOT NULL column added without a default',
  why:
    'On a table that has rows, ADD COLUMN … NOT NULL without a DEFAULT fails outright (every existing row would be NULL). ' +
    'Worked around with a backfill in the same migration, it holds ACCESS EXCLUSIVE on the table for the whole UPDATE.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const site of columnSites(ctx.up.statements)) {
      if (!site.added || ctx.isNewTable(site.statement, site.table)) continue;
      const notNull = site.constraints.some((c) => c.contype === 'CONSTR_NOTNULL');
      const filled = defaultOf(site.constraints) || site.constraints.some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED');
      if (!notNull || filled) continue;
      const table = qualified(site.table);
      const column = ident(site.column.colname ?? '');
      const check = ident(derivedName(site.table.name, site.column.colname ?? '', 'not_null'));
      hits.push({
        statement: site.statement,
        location: site.column.location,
        message: `Column ${column} is added to ${table} as NOT NULL without a DEFAULT.`,
        safeRewrite: [
          `-- Either give it a constant default (no table rewrite since PostgreSQL 11):`,
          `ALTER TABLE ${table} ADD COLUMN ${column} ${renderType(site.column.typeName)} NOT NULL DEFAULT <constant>;`,
          `-- Or add it nullable, backfill in batches, and prove NOT NULL with a validated CHECK:`,
          `ALTER TABLE ${table} ADD COLUMN ${column} ${renderType(site.column.typeName)};`,
          `UPDATE ${table} SET ${column} = <value> WHERE ${column} IS NULL AND <batch range>;`,
          `ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${column} IS NOT NULL) NOT VALID;`,
          `ALTER TABLE ${table} VALIDATE CONSTRAINT ${check};`,
          `ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL; -- no scan: the CHECK proves it`,
          `ALTER TABLE ${table} DROP CONSTRAINT ${check};`,
        ].join('\n'),
      });
    }
    return hits;
  },
};
