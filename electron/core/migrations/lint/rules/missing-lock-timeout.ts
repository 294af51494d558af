import type { Node } from 'libpg-query';
import { statementAs, strings, unwrap, walk } from '../../../sql-parser/ast';
import { blocksWrites } from '../../locks/lock-modes';
import { statementLocks } from '../../locks/statement-locks';
import type { LintRule, LintStatement, RuleHit } from '../types';

/**
 * The lock queue: a statement waiting for a lock blocks every later request that conflicts with
 * the lock it waits for, even ones compatible with the current holder (13.3.1, and the
 * lock_timeout setting in 19.11.1 "Statement Behavior").
 */

/** The lock_timeout a statement sets: a value, 'off' for 0 / RESET / DEFAULT, undefined when it does not touch it. */
function lockTimeoutSetting(statement: LintStatement): 'on' | 'off' | undefined {
  const set = statementAs(statement, 'VariableSetStmt');
  if (set) {
    if (set.kind === 'VAR_RESET_ALL') return 'off';
    if (set.name !== 'lock_timeout') return undefined;
    if (set.kind !== 'VAR_SET_VALUE') return 'off';
    return isZero(set.args?.[0]) ? 'off' : 'on';
  }
  let found: 'on' | 'off' | undefined;
  walk(statement.node, (tag, fields) => {
    if (tag !== 'FuncCall' || strings(fields.funcname as Node[]).at(-1) !== 'set_config') return;
    const [name, value] = (fields.args as Node[] | undefined) ?? [];
    if (unwrap(name, 'A_Const')?.sval?.sval === 'lock_timeout') found = isZero(value) ? 'off' : 'on';
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
    const hits: RuleHit[] = [];
    if (ctx.lockTimeoutByRunner) return hits;
    const indexesCreated = new Set<string>();
    let timeout: 'on' | 'off' = 'off';
    for (const statement of ctx.up.statements) {
      timeout = lockTimeoutSetting(statement) ?? timeout;
      const index = statementAs(statement, 'IndexStmt');
      if (index?.idxname) indexesCreated.add(index.idxname);
      if (timeout === 'on') continue;
      const strong = statementLocks(statement).locks.find(
        (l) => blocksWrites(l.lock) && (l.via === 'index' ? !indexesCreated.has(l.relation.name) : !ctx.isNewTable(statement, l.relation)),
      );
      if (!strong) continue;
      hits.push({
        statement,
        message: `This takes ${strong.lock} on ${strong.relation.schema ? `${strong.relation.schema}.` : ''}${strong.relation.name}${strong.via === 'index' ? "'s table" : ''} with no lock_timeout set before it in the script.`,
        safeRewrite: ctx.runnerWraps('up')
          ? `-- At the top of the migration (LOCAL: only for this transaction):\nSET LOCAL lock_timeout = '5s';`
          : `-- At the top of the migration (it runs outside a transaction, so SET LOCAL would not stick):\nSET lock_timeout = '5s';`,
      });
      break; // one finding per script: the first statement that needs it
    }
    return hits;
  },
};
