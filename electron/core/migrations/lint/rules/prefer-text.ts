import { boundedCharacterType, looksLikeUuidAsText } from '../column-types';
import { typedColumns } from '../statements';
import { derivedName, ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** PostgreSQL docs 8.3 "Character Types": no performance difference between them; char(n) pads with spaces. */
export const preferText: LintRule = {
  id: 'prefer-text',
  severity: 'warning',
  title: 'varchar(n) instead of text',
  why:
    'In PostgreSQL varchar(n) is text with a length check, and no faster; changing the limit later is an ALTER COLUMN TYPE under ' +
    'ACCESS EXCLUSIVE (shortening it rewrites the table). char(n) pads values with spaces, which leaks into comparisons and ' +
    'application code. text with a CHECK constraint gives the same guarantee and the limit can be changed with NOT VALID + VALIDATE.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const site of typedColumns(ctx.up.statements)) {
      const bounded = boundedCharacterType(site.column);
      // uuid-as-varchar reports UUID-like columns, char-type every char.
      if (!bounded || bounded.name === 'bpchar' || looksLikeUuidAsText(site)) continue;
      const columnName = site.column.colname ?? '';
      const column = ident(columnName);
      const length = bounded.length ?? 1;
      const check = ident(derivedName(site.table.name, columnName, 'length'));
      hits.push({
        statement: site.statement,
        location: site.column.typeName?.location ?? site.column.location,
        message: `${qualified(site.table)}.${column} is varchar(${length}).`,
        safeRewrite: `${column} text CONSTRAINT ${check} CHECK (char_length(${column}) <= ${length})`,
      });
    }
    return hits;
  },
};
