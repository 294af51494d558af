import { rangeVarName, walk, type QualifiedName } from '../../sql-parser/ast';
import type { LockMode } from './lock-modes';
import type { StatementLock } from './statement-locks';

/**
 * Locks of queries and data changes. 13.3.1 "Table-Level Locks"
 * (https://www.postgresql.org/docs/18/explicit-locking.html#LOCKING-TABLES): SELECT takes ACCESS
 * SHARE on every table it reads; SELECT … FOR UPDATE/SHARE takes ROW SHARE on the tables it locks
 * rows of; UPDATE, DELETE, INSERT and MERGE take ROW EXCLUSIVE on the target table (and ACCESS
 * SHARE on the other tables they read). COPY FROM writes like INSERT, COPY TO reads like SELECT.
 */

type Statement = { kind: string; node: unknown };
type Fields = Record<string, unknown>;

const queryKinds = new Set([
  'SelectStmt',
  'InsertStmt',
  'UpdateStmt',
  'DeleteStmt',
  'MergeStmt',
  'CopyStmt',
  'CreateTableAsStmt',
  'ViewStmt',
  'ExplainStmt',
  'DeclareCursorStmt',
]);

const writeVerb: Record<string, string> = { InsertStmt: 'INSERT', UpdateStmt: 'UPDATE', DeleteStmt: 'DELETE', MergeStmt: 'MERGE' };

function cteNames(node: unknown): Set<string> {
  const names = new Set<string>();
  walk(node, (tag, fields) => {
    if (tag === 'CommonTableExpr' && typeof fields.ctename === 'string') names.add(fields.ctename);
  });
  return names;
}

export function readRelations(statement: Statement): StatementLock[] {
  if (!queryKinds.has(statement.kind)) return [];
  const node = statement.node as Fields;
  const ctes = cteNames(node);
  const locks: StatementLock[] = [];
  const push = (relation: QualifiedName, lock: LockMode, reason: string) => {
    if (!relation.schema && ctes.has(relation.name)) return; // a WITH query, not a table
    locks.push({ relation, lock, reason });
  };

  const target = writeVerb[statement.kind] ? (node.relation as Fields | undefined) : undefined;
  if (target) push(rangeVarName(target), 'ROW EXCLUSIVE', `${writeVerb[statement.kind]}: ROW EXCLUSIVE on the target table (conflicts only with SHARE and stronger)`);
  if (statement.kind === 'CopyStmt' && node.relation) {
    const from = node.is_from === true;
    push(rangeVarName(node.relation as Fields), from ? 'ROW EXCLUSIVE' : 'ACCESS SHARE', from ? 'COPY FROM: ROW EXCLUSIVE, like INSERT' : 'COPY TO: ACCESS SHARE, like SELECT');
  }
  // SELECT … FOR UPDATE/SHARE at the top level: ROW SHARE on the tables of its FROM list.
  const rowLocked = new Set<unknown>();
  if (statement.kind === 'SelectStmt' && Array.isArray(node.lockingClause) && node.lockingClause.length > 0) {
    for (const item of (node.fromClause as unknown[] | undefined) ?? []) {
      const rv = (item as { RangeVar?: Fields }).RangeVar;
      if (rv) {
        rowLocked.add(rv);
        push(rangeVarName(rv), 'ROW SHARE', 'SELECT … FOR UPDATE/SHARE: ROW SHARE, plus row locks on the rows it returns');
      }
    }
  }
  walk(node, (tag, fields) => {
    if (tag === 'IntoClause') return false; // the table CREATE TABLE AS creates
    // A data-changing WITH query (WITH d AS (DELETE FROM x …) …) writes its own target.
    const nestedTarget = writeVerb[tag] ? (fields.relation as Fields | undefined) : undefined;
    if (nestedTarget && nestedTarget !== target) {
      rowLocked.add(nestedTarget);
      push(rangeVarName(nestedTarget), 'ROW EXCLUSIVE', `${writeVerb[tag]} in a WITH query: ROW EXCLUSIVE on its target table`);
    }
    if (tag === 'RangeVar' && fields !== target && !rowLocked.has(fields) && !(statement.kind === 'CopyStmt' && fields === node.relation)) {
      push(rangeVarName(fields), 'ACCESS SHARE', 'reads the table: ACCESS SHARE (conflicts only with ACCESS EXCLUSIVE)');
    }
    return undefined;
  });
  // The view being created is not read.
  if (statement.kind === 'ViewStmt') {
    const view = rangeVarName(node.view as Fields);
    return locks.filter((l) => !(l.lock === 'ACCESS SHARE' && l.relation.name === view.name && l.relation.schema === view.schema));
  }
  return locks;
}
