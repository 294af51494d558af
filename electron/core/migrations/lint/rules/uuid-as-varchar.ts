import { typeInfo } from '../../../sql-parser/ast';
import { looksLikeUuidAsText } from '../column-types';
import { typedColumns } from '../statements';
import { ident, qualified, renderType } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** Seed 003 "UUID Primary Key Migration": IDs kept as String(255) at every relationship. */
export const uuidAsVarchar: LintRule = {
  id: 'uuid-as-varchar',
  severity: 'warning',
  title: 'UUID stored as text',
  why:
    'A UUID in the uuid type takes 16 bytes; as text it takes 37 (36 characters plus a header), in every row, in every index on it and in every ' +
    'table that references it, so indexes are more than twice as large and compare slower (collation-aware string comparison). ' +
    'Text also accepts values that are not UUIDs. Store UUIDs as uuid.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const site of typedColumns(ctx.up.statements)) {
      if (!looksLikeUuidAsText(site)) continue;
      const column = ident(site.column.colname ?? '');
      const type = typeInfo(site.column.typeName);
      hits.push({
        statement: site.statement,
        location: site.column.typeName?.location ?? site.column.location,
        message: `${qualified(site.table)}.${column} is ${renderType(site.column.typeName)} and looks like it holds UUIDs${type.mods[0] === 36 ? ' (36 characters)' : ''}.`,
        safeRewrite: `${column} uuid${site.primaryKey ? ' PRIMARY KEY DEFAULT gen_random_uuid()' : ''}`,
      });
    }
    return hits;
  },
};
