import { typeInfo } from '../../../sql-parser/ast';
import { smallIntegerTypes } from '../column-types';
import { columnSites } from '../statements';
import { ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

export const preferBigintKeys: LintRule = {
  id: 'prefer-bigint-keys',
  severity: 'warning',
  title: 'integer/serial primary key',
  why:
    'An integer key runs out at 2,147,483,647. Busy tables (tickets, orders, events, audit rows) reach that, and widening the key ' +
    'later is an ALTER COLUMN TYPE that rewrites the table and every table referencing it, under ACCESS EXCLUSIVE. bigint costs 4 bytes more per row.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const site of columnSites(ctx.up.statements)) {
      const type = typeInfo(site.column.typeName);
      const identity = site.constraints.some((c) => c.contype === 'CONSTR_IDENTITY');
      if (!smallIntegerTypes.has(type.name) || !(site.primaryKey || identity)) continue;
      const column = ident(site.column.colname ?? '');
      hits.push({
        statement: site.statement,
        location: site.column.typeName?.location ?? site.column.location,
        message: `Key column ${qualified(site.table)}.${column} is ${type.name === 'int4' ? 'integer' : type.name === 'int2' ? 'smallint' : type.name}.`,
        safeRewrite: `${column} bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`,
      });
    }
    return hits;
  },
};
