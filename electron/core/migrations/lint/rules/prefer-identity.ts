import { typeInfo } from '../../../sql-parser/ast';
import { serialTypes } from '../column-types';
import { columnSites } from '../statements';
import { ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

export const preferIdentity: LintRule = {
  id: 'prefer-identity',
  severity: 'warning',
  title: 'serial instead of an identity column',
  why:
    'serial is a shorthand for a separate sequence plus a DEFAULT nextval(): the sequence needs its own grants, survives as a ' +
    'loose object in dumps and copies, and anyone can insert explicit ids that later collide with it. An identity column ' +
    '(SQL standard, PostgreSQL 10+) ties the sequence to the column and, with GENERATED ALWAYS, refuses stray explicit values.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const site of columnSites(ctx.up.statements)) {
      const type = typeInfo(site.column.typeName);
      if (!serialTypes.has(type.name)) continue;
      const column = ident(site.column.colname ?? '');
      hits.push({
        statement: site.statement,
        location: site.column.typeName?.location ?? site.column.location,
        message: `${qualified(site.table)}.${column} is ${type.name}.`,
        safeRewrite: `${column} bigint GENERATED ALWAYS AS IDENTITY${site.primaryKey ? ' PRIMARY KEY' : ''}`,
      });
    }
    return hits;
  },
};
