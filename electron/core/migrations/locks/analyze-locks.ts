import type { ClientBase } from 'pg';
import type { StatementLockInfo } from '../../../../shared/contract/migration-locks';
import { quoteIdentAsWritten } from '../../../../shared/domain/quote-ident';
import { sameName, type QualifiedName } from '../../sql-parser/ast';
import { splitSql, type SqlStatement } from '../../sql-parser';
import relationFactsSql from '../../sql/locks/relation-facts.sql?raw';
import { createdTable } from './created-table';
import { blocksReads, blocksWrites } from './lock-modes';
import { relationKindOf } from './relation-kind';
import { statementLocks, type StatementLock } from './statement-locks';

interface FactsRow {
  ord: number;
  found: boolean;
  schema: string | null;
  name: string | null;
  relkind: string | null;
  row_estimate: number | null;
  total_bytes: string | null;
}


/** `"schema"."name"` for to_regclass (identifier quoting rules of the manual, 4.1.1). */
function regclassText(name: QualifiedName): string {
  const quote = quoteIdentAsWritten;
  return name.schema ? `${quote(name.schema)}.${quote(name.name)}` : quote(name.name);
}

/**
 * One catalog query for every relation the statements lock (relation-facts.sql). It runs with a
 * short lock_timeout: pg_total_relation_size opens each relation, and must not queue behind a
 * migration that holds ACCESS EXCLUSIVE on it.
 */
async function relationFacts(client: ClientBase, targets: StatementLock[]): Promise<FactsRow[]> {
  if (targets.length === 0) return [];
  await client.query('BEGIN READ ONLY');
  try {
    await client.query("SET LOCAL lock_timeout = '2s'");
    await client.query("SET LOCAL statement_timeout = '15s'");
    const { rows } = await client.query<FactsRow>(relationFactsSql, [targets.map((t) => regclassText(t.relation)), targets.map((t) => t.via === 'index')]);
    await client.query('COMMIT');
    return rows;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

function createdBefore(statements: SqlStatement[], index: number, relation: QualifiedName): boolean {
  return statements.slice(0, index).some((s) => {
    const created = createdTable(s);
    return created !== undefined && sameName(created, relation);
  });
}

/** Locks per statement of `sql`, with the current facts of each locked table from the connected database. */
export async function analyzeLocks(client: ClientBase, sql: string): Promise<StatementLockInfo[]> {
  const statements = await splitSql(sql);
  const perStatement = statements.map((s) => statementLocks(s));
  const targets = perStatement.flatMap((p) => p.locks);
  const facts = await relationFacts(client, targets);
  let next = 0;
  return statements.map((statement, index) => {
    const { locks, notes } = perStatement[index] ?? { locks: [], notes: [] };
    return {
      index,
      text: statement.text,
      line: statement.line,
      column: statement.column,
      kind: statement.kind,
      nonTransactional: statement.nonTransactional ?? null,
      notes,
      locks: locks.map((lock) => {
        const row = facts[next++];
        const exists = row?.found === true && row.name !== null;
        return {
          schema: exists ? row.schema : (lock.relation.schema ?? null),
          name: exists ? (row.name ?? lock.relation.name) : lock.relation.name,
          relationKind: exists ? relationKindOf(row.relkind ?? '') : null,
          viaIndex: lock.via === 'index' ? lock.relation.name : null,
          lock: lock.lock,
          reason: lock.reason,
          blocksReads: blocksReads(lock.lock),
          blocksWrites: blocksWrites(lock.lock),
          existsNow: exists,
          createdInScript: createdBefore(statements, index, lock.relation),
          rowEstimate: exists ? row.row_estimate : null,
          totalBytes: exists ? row.total_bytes : null,
        };
      }),
    };
  });
}
