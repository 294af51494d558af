import { typeInfo } from '../../../sql-parser/ast';
import { typedColumns } from '../statements';
import { ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** PostgreSQL wiki "Don't Do This": don't use timestamp (without time zone) to store points in time. */
export const preferTimestamptz: LintRule = {
  id: 'prefer-timestamptz',
  severity: 'warning',
  title: 'timestamp without time zone',
  why:
    'timestamp without time zone stores a wall-clock reading with no zone: the same instant written from two sessions with different ' +
    'TimeZone settings is stored as two different values, and comparisons across daylight-saving changes go wrong. ' +
    'timestamptz stores the instant (in UTC) and is the same 8 bytes.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const site of typedColumns(ctx.up.statements)) {
      const type = typeInfo(site.column.typeName);
      if (type.schema !== 'pg_catalog' || type.name !== 'timestamp') continue;
      const column = ident(site.column.colname ?? '');
      hits.push({
        statement: site.statement,
        location: site.column.typeName?.location ?? site.column.location,
        message: `${qualified(site.table)}.${column} is timestamp without time zone.`,
        safeRewrite: `${column} timestamptz${type.isArray ? '[]' : ''}`,
      });
    }
    return hits;
  },
};
