import { rangeVarName, statementAs } from '../../../sql-parser/ast';
import { ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

export const renamingTable: LintRule = {
  id: 'renaming-table',
  severity: 'error',
  title: 'Table renamed',
  why:
    'A rename is instant for the database but breaks every query of the application version still running during the deploy. ' +
    'Renaming to *_deprecated (the seeds\' way to retire a table nothing uses any more) is not reported.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.up.statements) {
      const stmt = statementAs(statement, 'RenameStmt');
      if (stmt?.renameType !== 'OBJECT_TABLE') continue;
      const table = rangeVarName(stmt.relation);
      if (ctx.isNewTable(statement, table) || (stmt.newname ?? '').endsWith('_deprecated')) continue;
      const from = qualified(table);
      const to = ident(stmt.newname ?? '');
      const view = table.schema ? `${ident(table.schema)}.${ident(table.name)}` : ident(table.name);
      hits.push({
        statement,
        location: stmt.relation?.location,
        message: `Table ${from} is renamed to ${to}; code still using the old name fails at once.`,
        safeRewrite: [
          `ALTER TABLE ${from} RENAME TO ${to};`,
          `-- keep the old name working (a simple view is updatable) until every client uses ${to}:`,
          `CREATE VIEW ${view} AS SELECT * FROM ${table.schema ? `${ident(table.schema)}.` : ''}${to};`,
          `-- drop the view in a later migration.`,
        ].join('\n'),
      });
    }
    return hits;
  },
};
