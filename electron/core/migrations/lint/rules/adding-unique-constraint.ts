import type { Constraint } from 'libpg-query';
import { strings, unwrap } from '../../../sql-parser/ast';
import { alterCommands } from '../statements';
import { derivedName, ident, qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** ALTER TABLE reference page, ADD table_constraint_using_index; CREATE INDEX "Building Indexes Concurrently". */
export const addingUniqueConstraint: LintRule = {
  id: 'adding-unique-constraint',
  severity: 'error',
  title: 'UNIQUE or PRIMARY KEY added by building its index under the lock',
  why:
    'ADD UNIQUE / ADD PRIMARY KEY builds the index while holding ACCESS EXCLUSIVE: no reads or writes for the whole build. ' +
    'Build the unique index CONCURRENTLY first, then attach it with ADD CONSTRAINT … USING INDEX, which only takes the lock briefly.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const a of alterCommands(ctx.up.statements)) {
      if (ctx.isNewTable(a.statement, a.table)) continue;
      const constraints: Array<{ c: Constraint; columns: string[] }> = [];
      if (a.cmd.subtype === 'AT_AddConstraint') {
        const c = unwrap(a.cmd.def, 'Constraint');
        if (c && !c.indexname && (c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_EXCLUSION')) constraints.push({ c, columns: strings(c.keys) });
      } else if (a.cmd.subtype === 'AT_AddColumn') {
        const column = unwrap(a.cmd.def, 'ColumnDef');
        for (const item of column?.constraints ?? []) {
          const c = unwrap(item, 'Constraint');
          if (c && (c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_PRIMARY')) constraints.push({ c, columns: [column?.colname ?? ''] });
        }
      }
      for (const { c, columns } of constraints) {
        const table = qualified(a.table);
        const kind = c.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : c.contype === 'CONSTR_EXCLUSION' ? 'EXCLUDE' : 'UNIQUE';
        if (c.contype === 'CONSTR_EXCLUSION') {
          hits.push({
            statement: a.statement,
            location: c.location,
            severity: 'warning',
            message: `An EXCLUDE constraint is added to ${table}; its index is built under ACCESS EXCLUSIVE and cannot be built concurrently first.`,
            safeRewrite: 'Add it while the table is small, or in a maintenance window; or enforce the rule with a trigger plus a concurrently built index.',
          });
          continue;
        }
        const name = ident(c.conname ?? derivedName(a.table.name, ...columns, kind === 'PRIMARY KEY' ? 'pkey' : 'key'));
        const cols = columns.map(ident).join(', ');
        hits.push({
          statement: a.statement,
          location: c.location,
          message: `${kind} on ${table} (${cols}) builds its index while the table is locked ACCESS EXCLUSIVE.`,
          safeRewrite: [
            `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${table} (${cols}); -- in a migration of its own`,
            `ALTER TABLE ${table} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name};`,
            ...(kind === 'PRIMARY KEY' ? ['-- PRIMARY KEY USING INDEX also sets NOT NULL: prove it first with a validated CHECK (see set-not-null-without-check).'] : []),
          ].join('\n'),
        });
      }
    }
    return hits;
  },
};
