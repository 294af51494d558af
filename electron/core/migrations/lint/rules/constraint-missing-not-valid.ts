import type { Constraint } from 'libpg-query';
import { rangeVarName, strings, unwrap, unwrapAll, type QualifiedName } from '../../../sql-parser/ast';
import { alterCommands, type AlterCommand } from '../statements';
import { derivedName, ident, qualified } from '../sql-text';
import type { LintRule, LintStatement, RuleHit } from '../types';

/**
 * ALTER TABLE reference page, ADD table_constraint … NOT VALID and VALIDATE CONSTRAINT; seed 000
 * risk table: "Constraint violation on existing data → create constraints NOT VALID first".
 */

/** PostgreSQL's default names: <table>_<column>_fkey and <table>_<column>_check. */
function nameOf(table: QualifiedName, constraint: Constraint): string {
  if (constraint.conname) return constraint.conname;
  const columns = strings(constraint.fk_attrs).join('_');
  return constraint.contype === 'CONSTR_FOREIGN' ? derivedName(table.name, columns, 'fkey') : derivedName(table.name, 'check');
}

function definition(statement: LintStatement, constraint: Constraint, single: boolean): string {
  if (!single) return '<constraint definition>';
  const text = statement.textAt(constraint.location);
  return text.replace(/^CONSTRAINT\s+("[^"]+"|\S+)\s+/i, '');
}

function notValidHit(ctx: { isNewTable(s: LintStatement, t: QualifiedName): boolean }, a: AlterCommand, constraint: Constraint, single: boolean): RuleHit | undefined {
  if (constraint.skip_validation || ctx.isNewTable(a.statement, a.table)) return undefined;
  const table = qualified(a.table);
  const name = ident(nameOf(a.table, constraint));
  const kind = constraint.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK';
  return {
    statement: a.statement,
    location: constraint.location,
    message: `${kind} constraint ${name} is added to ${table} without NOT VALID, so every existing row is checked while the table is locked.`,
    safeRewrite: [
      `ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition(a.statement, constraint, single)} NOT VALID;`,
      `-- in a later migration (its own transaction): checks existing rows under SHARE UPDATE EXCLUSIVE only`,
      `ALTER TABLE ${table} VALIDATE CONSTRAINT ${name};`,
    ].join('\n'),
  };
}

export const constraintMissingNotValid: LintRule = {
  id: 'constraint-missing-not-valid',
  severity: 'error',
  title: 'FOREIGN KEY or CHECK added without NOT VALID',
  why:
    'Adding a FOREIGN KEY or CHECK constraint validates every existing row while holding the lock: ACCESS EXCLUSIVE for CHECK ' +
    '(no reads or writes), SHARE ROW EXCLUSIVE on both tables for FOREIGN KEY (no writes). Added NOT VALID it only applies to new rows ' +
    'and takes the lock briefly; VALIDATE CONSTRAINT later checks old rows under SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes. ' +
    'Validating in the same transaction as the NOT VALID add keeps the strong lock for the whole check and gains nothing.',
  check(ctx) {
    const hits: RuleHit[] = [];
    const commands = alterCommands(ctx.up.statements);
    const addedNotValid = new Map<string, LintStatement>();
    for (const a of commands) {
      const single = commands.filter((c) => c.statement === a.statement).length === 1;
      if (a.cmd.subtype === 'AT_AddConstraint') {
        const constraint = unwrap(a.cmd.def, 'Constraint');
        if (!constraint || (constraint.contype !== 'CONSTR_FOREIGN' && constraint.contype !== 'CONSTR_CHECK')) continue;
        if (constraint.skip_validation) addedNotValid.set(nameOf(a.table, constraint), a.statement);
        const hit = notValidHit(ctx, a, constraint, single);
        if (hit) hits.push(hit);
      } else if (a.cmd.subtype === 'AT_AddColumn') {
        // ADD COLUMN … REFERENCES validates at once (the new column is NULL everywhere, but the table is still scanned).
        const column = unwrap(a.cmd.def, 'ColumnDef');
        for (const fk of unwrapAll(column?.constraints, 'Constraint').filter((c) => c.contype === 'CONSTR_FOREIGN')) {
          if (ctx.isNewTable(a.statement, a.table)) continue;
          const table = qualified(a.table);
          const name = ident(derivedName(a.table.name, column?.colname ?? '', 'fkey'));
          const target = fk.pktable ? qualified(rangeVarName(fk.pktable)) : '<table>';
          hits.push({
            statement: a.statement,
            location: fk.location,
            severity: 'warning',
            message: `Column ${ident(column?.colname ?? '')} is added with an inline REFERENCES, validated at once under SHARE ROW EXCLUSIVE on ${target}.`,
            safeRewrite: [
              `ALTER TABLE ${table} ADD COLUMN ${ident(column?.colname ?? '')} <type>;`,
              `ALTER TABLE ${table} ADD CONSTRAINT ${name} FOREIGN KEY (${ident(column?.colname ?? '')}) REFERENCES ${target} NOT VALID;`,
              `ALTER TABLE ${table} VALIDATE CONSTRAINT ${name}; -- in a later migration`,
            ].join('\n'),
          });
        }
      } else if (a.cmd.subtype === 'AT_ValidateConstraint') {
        const addedAt = addedNotValid.get(a.cmd.name ?? '');
        if (!addedAt || !ctx.inTransaction(a.statement) || !ctx.inTransaction(addedAt)) continue;
        hits.push({
          statement: a.statement,
          severity: 'warning',
          message: `Constraint ${ident(a.cmd.name ?? '')} is validated in the same transaction that added it NOT VALID, so the add's lock is held during the whole check.`,
          safeRewrite: `-- Move this to the next migration:\n${a.statement.text};`,
        });
      }
    }
    return hits;
  },
};
