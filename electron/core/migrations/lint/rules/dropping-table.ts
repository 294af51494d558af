import { nameFromList, statementAs, unwrap } from '../../../sql-parser/ast';
import { ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

export const droppingTable: LintRule = {
  id: 'dropping-table',
  severity: 'error',
  title: 'Table dropped',
  why:
    'DROP TABLE loses the data for good (the down script can re-create the table, not its rows), takes ACCESS EXCLUSIVE, and breaks ' +
    'the running application if it still uses the table. Retire it like a column: rename to *_deprecated, drop in a later major version.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.up.statements) {
      const stmt = statementAs(statement, 'DropStmt');
      if (stmt?.removeType !== 'OBJECT_TABLE') continue;
      for (const object of stmt.objects ?? []) {
        const table = nameFromList(unwrap(object, 'List')?.items);
        if (ctx.isNewTable(statement, table)) continue;
        const deprecated = ident(`${table.name}_deprecated`);
        hits.push({
          statement,
          message: `Table ${qualified(table)} is dropped, with its data${stmt.behavior === 'DROP_CASCADE' ? ', and CASCADE also drops the views and foreign keys that depend on it' : ''}.`,
          safeRewrite: [
            `ALTER TABLE ${qualified(table)} RENAME TO ${deprecated};`,
            `COMMENT ON TABLE ${table.schema ? `${ident(table.schema)}.` : ''}${deprecated} IS 'Deprecated <date>, remove in v<next major>';`,
          ].join('\n'),
        });
      }
    }
    return hits;
  },
};
