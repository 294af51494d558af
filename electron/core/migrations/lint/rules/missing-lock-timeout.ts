import type { Node } from 'libpg-query';
import { statementAs, strings, unwrap, walk } from '../../../sql-parser/ast';
import { blocksWrites } from '../../locks/lock-modes';
import { statementLocks } from '../../locks/statement-locks';
import type { LintContext, LintRule, LintStatement } from '../types';

/**
 * The lock queue: a statement waiting for a lock blocks every later request that conflicts with
 * the lock it waits for, even ones compatible with the current holder (13.3.1, and the
 * lock_timeout setting in 19.11.1 "Statement Behavior").
 */

/** The timeout a statement sets: a value, 'off' for 0 / RESET / DEFAULT, undefined when it does not touch it. */
export function timeoutSetting(statement: LintStatement, setting: 'lock_timeout' | 'statement_timeout'): 'on' | 'off' | undefined {
  const set = statementAs(statement, 'VariableSetStmt');
  if (set) {
    if (set.kind === 'VAR_RESET_ALL') return 'off';
    if (set.name !== setting) return undefined;
    if (set.kind !== 'VAR_SET_VALUE') return 'off';
    return isZero(set.args?.[0]) ? 'off' : 'on';
  }
  let found: 'on' | 'off' | undefined;
  walk(statement.node, (tag, fields) => {
    if (tag !== 'FuncCall' || strings(fields.funcname as Node[]).at(-1) !== 'set_config') return;
    const [name, value] = (fields.args as Node[] | undefined) ?? [];
    if (unwrap(name, 'A_Const')?.sval?.sval === setting) found = isZero(value) ? 'off' : 'on';
  });
  return found;
}

function isZero(value: Node | undefined): boolean {
  const constant = unwrap(value, 'A_Const');
  if (!constant) return false;
  if (constant.ival) return (constant.ival.ival ?? 0) === 0;
  return /^\s*0\s*(ms|s|min)?\s*$/i.test(constant.sval?.sval ?? '');
}

export const missingLockTimeout: LintRule = {
  id: 'missing-lock-timeout',
  severity: 'warning',
  title: 'Strong lock taken without lock_timeout',
  why:
    'A statement that needs a lock blocking writes (or reads) waits behind any long-running query on the table, and while it waits, ' +
    'every new query on the table queues behind it: a one-second ALTER becomes an outage as long as the slowest open transaction. ' +
    'SET lock_timeout makes it give up instead, so the migration can be retried. (This console\'s migration engine sets lock_timeout ' +
    'for every migration it runs; other runners such as psql or Flyway do not.)',
  check(ctx) {
    if (ctx.lockTimeoutByRunner) return [];
    const first = firstUnguardedStrongLock(ctx.up.statements, ctx, 'lock_timeout');
    if (!first) return [];
    const { statement, lock } = first;
    return [
      {
        statement,
        message: `This takes ${lock.lock} on ${lock.relation.schema ? `${lock.relation.schema}.` : ''}${lock.relation.name}${lock.via === 'index' ? "'s table" : ''} with no lock_timeout set before it in the script.`,
        safeRewrite: ctx.runnerWraps(statement.script)
          ? `-- At the top of the migration (LOCAL: only for this transaction):\nSET LOCAL lock_timeout = '5s';`
          : `-- At the top of the migration (it runs outside a transaction, so SET LOCAL would not stick):\nSET lock_timeout = '5s';`,
      },
    ];
  },
};

/** The first statement of a script that takes a lock blocking writes on an existing relation while `setting` is off. */
export function firstUnguardedStrongLock(
  statements: LintStatement[],
  ctx: LintContext,
  setting: 'lock_timeout' | 'statement_timeout',
): { statement: LintStatement; lock: ReturnType<typeof statementLocks>['locks'][number] } | undefined {
  const indexesCreated = new Set<string>();
  let timeout: 'on' | 'off' = 'off';
  for (const statement of statements) {
    timeout = timeoutSetting(statement, setting) ?? timeout;
    const index = statementAs(statement, 'IndexStmt');
    if (index?.idxname) indexesCreated.add(index.idxname);
    if (timeout === 'on') continue;
    const lock = statementLocks(statement).locks.find(
      (l) => blocksWrites(l.lock) && (l.via === 'index' ? !indexesCreated.has(l.relation.name) : !ctx.isNewTable(statement, l.relation)),
    );
    if (lock) return { statement, lock };
  }
  return undefined;
}
