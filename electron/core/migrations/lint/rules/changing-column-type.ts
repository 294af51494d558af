import { typeInfo } from '../../../sql-parser/ast';
import { retypedColumns } from '../statements';
import { ident, qualified, renderType } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** ALTER TABLE reference page, SET DATA TYPE and "Notes" on table rewrites. */
export const changingColumnType: LintRule = {
  id: 'changing-column-type',
  severity: 'error',
  title: 'Column type changed in place',
  why:
    'ALTER COLUMN … TYPE holds ACCESS EXCLUSIVE and, unless the old type is binary-coercible to the new one, rewrites the table and ' +
    'rebuilds every index on it: no reads or writes for the duration. Running application code that expects the old type can also break. ' +
    'Only a few changes skip the rewrite (varchar(n) to a longer varchar or to text; raising numeric precision).',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const a of retypedColumns(ctx.up.statements)) {
      if (ctx.isNewTable(a.statement, a.table)) continue;
      const table = qualified(a.table);
      const column = ident(a.column.colname ?? '');
      const type = renderType(a.column.typeName);
      const target = typeInfo(a.column.typeName);
      const likelyCheap = target.name === 'text' || (target.name === 'varchar' && target.mods.length === 0);
      hits.push({
        statement: a.statement,
        location: a.column.location,
        severity: likelyCheap ? 'warning' : 'error',
        message: likelyCheap
          ? `${table}.${column} becomes ${type}: no rewrite if it was varchar/text, but still an ACCESS EXCLUSIVE lock (a rewrite if it was char(n) or another type).`
          : `${table}.${column} becomes ${type}: the table and its indexes are rewritten under ACCESS EXCLUSIVE.`,
        safeRewrite: [
          `ALTER TABLE ${table} ADD COLUMN ${ident(`${a.column.colname ?? ''}_new`)} ${type};`,
          `-- keep both in step with a trigger while the application still writes ${column}, backfill in batches:`,
          `UPDATE ${table} SET ${ident(`${a.column.colname ?? ''}_new`)} = ${column}::${type} WHERE <batch range>;`,
          `-- switch reads to the new column, then retire the old one (rename it to *_deprecated, drop it in a later major version).`,
        ].join('\n'),
      });
    }
    return hits;
  },
};
