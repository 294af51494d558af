import { rangeVarName, statementAs } from '../../../sql-parser/ast';
import { ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

export const renamingColumn: LintRule = {
  id: 'renaming-column',
  severity: 'error',
  title: 'Column renamed',
  why:
    'A rename is instant for the database but breaks every query of the application version still running during the deploy ' +
    '(and of every report, view-consumer and ETL job that names the column). Renaming to *_deprecated, the seeds\' way to retire a ' +
    'column that nothing reads any more, is not reported.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.up.statements) {
      const stmt = statementAs(statement, 'RenameStmt');
      if (stmt?.renameType !== 'OBJECT_COLUMN' || stmt.relationType !== 'OBJECT_TABLE') continue;
      const table = rangeVarName(stmt.relation);
      if (ctx.isNewTable(statement, table) || (stmt.newname ?? '').endsWith('_deprecated')) continue;
      const t = qualified(table);
      const from = ident(stmt.subname ?? '');
      const to = ident(stmt.newname ?? '');
      hits.push({
        statement,
        location: stmt.relation?.location,
        message: `Column ${t}.${from} is renamed to ${to}; code still using ${from} fails at once.`,
        safeRewrite: [
          `ALTER TABLE ${t} ADD COLUMN ${to} <type>;`,
          `-- keep ${to} in step with ${from} (trigger), backfill in batches, move the application to ${to};`,
          `-- then retire the old name:`,
          `ALTER TABLE ${t} RENAME COLUMN ${from} TO ${ident(`${stmt.subname ?? ''}_deprecated`)};`,
        ].join('\n'),
      });
    }
    return hits;
  },
};
