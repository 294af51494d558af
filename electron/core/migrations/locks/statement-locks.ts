import type { Node } from 'libpg-query';
import { nameFromList, rangeVarName, sameName, statementAs, strings, unwrap, unwrapAll, type QualifiedName } from '../../sql-parser/ast';
import { alterTableLocks } from './alter-table-locks';
import { lockModeFromNumber, lockStrength, type LockMode } from './lock-modes';
import { readRelations } from './read-relations';

/**
 * Which table-level locks a statement takes, from its parse tree alone. Lock levels follow the
 * PostgreSQL 18 docs, 13.3.1 "Table-Level Locks"
 * (https://www.postgresql.org/docs/18/explicit-locking.html#LOCKING-TABLES), and the reference
 * page of each command, cited next to each case.
 */

export interface StatementLock {
  relation: QualifiedName;
  /**
   * 'index': `relation` names an index and the lock falls on the table the index belongs to,
   * which only the catalog knows (DROP INDEX, REINDEX INDEX).
   */
  via?: 'index';
  lock: LockMode;
  reason: string;
}

export interface StatementLocks {
  /** One entry per relation: the strongest lock the statement takes on it. */
  locks: StatementLock[];
  /** What cannot be known statically (function bodies, CASCADE targets, whole-database commands). */
  notes: string[];
}

type Statement = { kind: string; node: unknown };

const AE: LockMode = 'ACCESS EXCLUSIVE';
const SUE: LockMode = 'SHARE UPDATE EXCLUSIVE';

function listNames(objects: Node[] | undefined): QualifiedName[] {
  return (objects ?? []).map((o) => nameFromList(unwrap(o, 'List')?.items));
}

function hasOption(options: Node[] | undefined, name: string): boolean {
  return unwrapAll(options, 'DefElem').some((d) => d.defname === name);
}

/** DROP … : each relation it removes, or the table of an index/trigger/policy/rule it removes. */
function dropLocks(stmt: NonNullable<ReturnType<typeof statementAs<'DropStmt'>>>, notes: string[]): StatementLock[] {
  const cascade = stmt.behavior === 'DROP_CASCADE';
  if (cascade) notes.push('CASCADE also drops dependent objects (views, foreign keys of other tables …), locking their tables; which ones only the catalog knows.');
  switch (stmt.removeType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_SEQUENCE':
    case 'OBJECT_FOREIGN_TABLE':
      // DROP TABLE: "ACCESS EXCLUSIVE … DROP TABLE" (13.3.1); views and sequences are relations too.
      return listNames(stmt.objects).map((relation) => ({ relation, lock: AE, reason: `DROP ${stmt.removeType?.replace('OBJECT_', '').replace('MATVIEW', 'MATERIALIZED VIEW').replace('_', ' ')}: ACCESS EXCLUSIVE` }));
    case 'OBJECT_INDEX':
      // DROP INDEX (sql-dropindex.html): a normal drop "acquires an ACCESS EXCLUSIVE lock on the
      // table, blocking other accesses until the index drop can be completed"; CONCURRENTLY
      // takes SHARE UPDATE EXCLUSIVE (index_drop() in the server's index.c).
      return listNames(stmt.objects).map((relation) =>
        stmt.concurrent
          ? { relation, via: 'index' as const, lock: SUE, reason: 'DROP INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE on the table (waits for running transactions instead of blocking them)' }
          : { relation, via: 'index' as const, lock: AE, reason: 'DROP INDEX: ACCESS EXCLUSIVE on the table, blocking reads and writes until the drop completes' },
      );
    case 'OBJECT_TRIGGER':
    case 'OBJECT_POLICY':
    case 'OBJECT_RULE': {
      // DROP TRIGGER/POLICY/RULE name ON table: the table is opened with ACCESS EXCLUSIVE
      // (RemoveTriggerById, RemovePolicyById, RemoveRewriteRuleById in the server source).
      const what = stmt.removeType.replace('OBJECT_', '');
      return (stmt.objects ?? []).map((o) => {
        const parts = strings(unwrap(o, 'List')?.items).slice(0, -1);
        const relation = nameFromList(parts.map((sval) => ({ String: { sval } })));
        return { relation, lock: AE, reason: `DROP ${what}: ACCESS EXCLUSIVE on its table` };
      });
    }
    default:
      return [];
  }
}

function locksOf(statement: Statement, notes: string[]): StatementLock[] {
  switch (statement.kind) {
    case 'AlterTableStmt': {
      const stmt = statementAs(statement, 'AlterTableStmt');
      return stmt ? alterTableLocks(stmt) : [];
    }
    case 'IndexStmt': {
      // CREATE INDEX (sql-createindex.html, 13.3.1): SHARE blocks writes but not reads;
      // CONCURRENTLY takes SHARE UPDATE EXCLUSIVE and lets writes continue.
      const stmt = statementAs(statement, 'IndexStmt');
      if (!stmt) return [];
      const relation = rangeVarName(stmt.relation);
      return stmt.concurrent
        ? [{ relation, lock: SUE, reason: 'CREATE INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE (reads and writes continue; two table scans)' }]
        : [{ relation, lock: 'SHARE', reason: 'CREATE INDEX: SHARE, blocking every write for the whole build' }];
    }
    case 'DropStmt': {
      const stmt = statementAs(statement, 'DropStmt');
      return stmt ? dropLocks(stmt, notes) : [];
    }
    case 'RenameStmt': {
      // ALTER TABLE … RENAME takes ACCESS EXCLUSIVE; ALTER INDEX … RENAME only SHARE UPDATE
      // EXCLUSIVE on the index (RenameRelation() in tablecmds.c, since PostgreSQL 12).
      const stmt = statementAs(statement, 'RenameStmt');
      if (!stmt?.relation) return [];
      const relation = rangeVarName(stmt.relation);
      if (stmt.renameType === 'OBJECT_INDEX') return [{ relation, lock: SUE, reason: 'ALTER INDEX … RENAME: SHARE UPDATE EXCLUSIVE on the index' }];
      const what = stmt.renameType === 'OBJECT_COLUMN' ? 'RENAME COLUMN' : stmt.renameType === 'OBJECT_TABCONSTRAINT' ? 'RENAME CONSTRAINT' : 'RENAME';
      return [{ relation, lock: AE, reason: `${what}: ACCESS EXCLUSIVE, briefly` }];
    }
    case 'AlterObjectSchemaStmt': {
      const stmt = statementAs(statement, 'AlterObjectSchemaStmt');
      return stmt?.relation ? [{ relation: rangeVarName(stmt.relation), lock: AE, reason: 'SET SCHEMA: ACCESS EXCLUSIVE, briefly' }] : [];
    }
    case 'CreateStmt': {
      // The new table itself is invisible to others until commit. PARTITION OF takes ACCESS
      // EXCLUSIVE on the parent (ddl-partitioning.html: "CREATE TABLE … PARTITION OF … requires
      // taking an ACCESS EXCLUSIVE lock on the parent table"); INHERITS takes SHARE UPDATE
      // EXCLUSIVE on each parent (MergeAttributes()); REFERENCES adds triggers to the referenced
      // table under SHARE ROW EXCLUSIVE.
      const stmt = statementAs(statement, 'CreateStmt');
      if (!stmt) return [];
      const parents = unwrapAll(stmt.inhRelations, 'RangeVar').map(rangeVarName);
      const locks: StatementLock[] = parents.map((relation) =>
        stmt.partbound ? { relation, lock: AE, reason: 'CREATE TABLE … PARTITION OF: ACCESS EXCLUSIVE on the partitioned table' } : { relation, lock: SUE, reason: 'CREATE TABLE … INHERITS: SHARE UPDATE EXCLUSIVE on the parent' },
      );
      const constraints = [
        ...unwrapAll(stmt.tableElts, 'Constraint'),
        ...unwrapAll(stmt.tableElts, 'ColumnDef').flatMap((c) => unwrapAll(c.constraints, 'Constraint')),
      ];
      const created = rangeVarName(stmt.relation);
      for (const c of constraints) {
        if (c.contype !== 'CONSTR_FOREIGN' || !c.pktable) continue;
        const relation = rangeVarName(c.pktable);
        if (sameName(relation, created)) continue; // a self-reference
        locks.push({ relation, lock: 'SHARE ROW EXCLUSIVE', reason: 'REFERENCES: the referenced table gets SHARE ROW EXCLUSIVE (blocks writes) while the constraint triggers are added' });
      }
      return locks;
    }
    case 'CreateTrigStmt': {
      // 13.3.1: SHARE ROW EXCLUSIVE "Acquired by CREATE TRIGGER and some forms of ALTER TABLE".
      const stmt = statementAs(statement, 'CreateTrigStmt');
      return stmt?.relation ? [{ relation: rangeVarName(stmt.relation), lock: 'SHARE ROW EXCLUSIVE', reason: 'CREATE TRIGGER: SHARE ROW EXCLUSIVE (blocks writes), briefly' }] : [];
    }
    case 'CreatePolicyStmt':
    case 'AlterPolicyStmt': {
      const stmt = statementAs(statement, 'CreatePolicyStmt') ?? statementAs(statement, 'AlterPolicyStmt');
      return stmt?.table ? [{ relation: rangeVarName(stmt.table), lock: AE, reason: 'CREATE/ALTER POLICY: ACCESS EXCLUSIVE, briefly' }] : [];
    }
    case 'RuleStmt': {
      const stmt = statementAs(statement, 'RuleStmt');
      return stmt?.relation ? [{ relation: rangeVarName(stmt.relation), lock: AE, reason: 'CREATE RULE: ACCESS EXCLUSIVE, briefly' }] : [];
    }
    case 'CreateStatsStmt': {
      // 13.3.1: SHARE UPDATE EXCLUSIVE "Acquired by … CREATE STATISTICS …".
      const stmt = statementAs(statement, 'CreateStatsStmt');
      return unwrapAll(stmt?.relations, 'RangeVar').map((rv) => ({ relation: rangeVarName(rv), lock: SUE, reason: 'CREATE STATISTICS: SHARE UPDATE EXCLUSIVE' }));
    }
    case 'CommentStmt': {
      // 13.3.1: SHARE UPDATE EXCLUSIVE "Acquired by … COMMENT ON …" — on the commented object.
      const stmt = statementAs(statement, 'CommentStmt');
      if (!stmt) return [];
      const parts = strings(unwrap(stmt.object, 'List')?.items);
      const relationParts =
        stmt.objtype === 'OBJECT_COLUMN' ? parts.slice(0, -1) : ['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_INDEX', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE'].includes(stmt.objtype ?? '') ? parts : [];
      if (relationParts.length === 0) return [];
      return [{ relation: nameFromList(relationParts.map((sval) => ({ String: { sval } }))), lock: SUE, reason: 'COMMENT ON: SHARE UPDATE EXCLUSIVE' }];
    }
    case 'ReindexStmt': {
      // REINDEX (sql-reindex.html): "locks out writes but not reads of the index's parent table.
      // It also takes an ACCESS EXCLUSIVE lock on the specific index being processed, which will
      // block reads that attempt to use that index"; CONCURRENTLY takes SHARE UPDATE EXCLUSIVE.
      const stmt = statementAs(statement, 'ReindexStmt');
      if (!stmt) return [];
      const concurrent = hasOption(stmt.params, 'concurrently');
      if (!stmt.relation) {
        notes.push('REINDEX SCHEMA/DATABASE/SYSTEM processes many tables, one at a time, each with the locks of REINDEX TABLE.');
        return [];
      }
      const relation = rangeVarName(stmt.relation);
      const via = stmt.kind === 'REINDEX_OBJECT_INDEX' ? ('index' as const) : undefined;
      const lock: StatementLock = concurrent
        ? { relation, lock: SUE, reason: 'REINDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE (reads and writes continue)' }
        : { relation, lock: 'SHARE', reason: 'REINDEX: SHARE on the table (blocks writes) and ACCESS EXCLUSIVE on the index, which stalls every query whose plan considers it' };
      return [via ? { ...lock, via } : lock];
    }
    case 'RefreshMatViewStmt': {
      // 13.3.1: EXCLUSIVE "Acquired by REFRESH MATERIALIZED VIEW CONCURRENTLY"; without it,
      // ACCESS EXCLUSIVE.
      const stmt = statementAs(statement, 'RefreshMatViewStmt');
      if (!stmt?.relation) return [];
      const relation = rangeVarName(stmt.relation);
      return stmt.concurrent
        ? [{ relation, lock: 'EXCLUSIVE', reason: 'REFRESH MATERIALIZED VIEW CONCURRENTLY: EXCLUSIVE (reads continue, writes to it wait)' }]
        : [{ relation, lock: AE, reason: 'REFRESH MATERIALIZED VIEW: ACCESS EXCLUSIVE, blocking reads of the view until the refresh completes' }];
    }
    case 'VacuumStmt': {
      // 13.3.1: VACUUM (without FULL) and ANALYZE take SHARE UPDATE EXCLUSIVE; VACUUM FULL ACCESS EXCLUSIVE.
      const stmt = statementAs(statement, 'VacuumStmt');
      if (!stmt) return [];
      const full = hasOption(stmt.options, 'full');
      const command = stmt.is_vacuumcmd ? (full ? 'VACUUM FULL' : 'VACUUM') : 'ANALYZE';
      const lock: LockMode = full ? AE : SUE;
      const rels = unwrapAll(stmt.rels, 'VacuumRelation');
      if (rels.length === 0) notes.push(`${command} without a table list processes every table of the database, one at a time, each with ${lock}.`);
      const suffix = full ? ' while the table is rewritten' : '';
      return rels.map((r) => ({ relation: rangeVarName(r.relation), lock, reason: `${command}: ${lock}${suffix}` }));
    }
    case 'ClusterStmt': {
      // 13.3.1: ACCESS EXCLUSIVE "Acquired by … CLUSTER …".
      const stmt = statementAs(statement, 'ClusterStmt');
      if (!stmt?.relation) {
        notes.push('CLUSTER without a table processes every previously clustered table, each with ACCESS EXCLUSIVE.');
        return [];
      }
      return [{ relation: rangeVarName(stmt.relation), lock: AE, reason: 'CLUSTER: ACCESS EXCLUSIVE while the table is rewritten' }];
    }
    case 'TruncateStmt': {
      // 13.3.1: ACCESS EXCLUSIVE "Acquired by … TRUNCATE …".
      const stmt = statementAs(statement, 'TruncateStmt');
      if (!stmt) return [];
      if (stmt.behavior === 'DROP_CASCADE') notes.push('TRUNCATE … CASCADE also truncates (and locks) every table with a foreign key to these; which ones only the catalog knows.');
      return unwrapAll(stmt.relations, 'RangeVar').map((rv) => ({ relation: rangeVarName(rv), lock: AE, reason: 'TRUNCATE: ACCESS EXCLUSIVE' }));
    }
    case 'LockStmt': {
      // LOCK (sql-lock.html): the mode named, ACCESS EXCLUSIVE when none is.
      const stmt = statementAs(statement, 'LockStmt');
      const lock = lockModeFromNumber(stmt?.mode) ?? AE;
      return unwrapAll(stmt?.relations, 'RangeVar').map((rv) => ({ relation: rangeVarName(rv), lock, reason: `LOCK TABLE … IN ${lock} MODE` }));
    }
    case 'AlterSeqStmt': {
      const stmt = statementAs(statement, 'AlterSeqStmt');
      return stmt?.sequence ? [{ relation: rangeVarName(stmt.sequence), lock: 'SHARE ROW EXCLUSIVE', reason: 'ALTER SEQUENCE: SHARE ROW EXCLUSIVE on the sequence' }] : [];
    }
    case 'ViewStmt': {
      const stmt = statementAs(statement, 'ViewStmt');
      const replaced: StatementLock[] = stmt?.replace && stmt.view ? [{ relation: rangeVarName(stmt.view), lock: AE, reason: 'CREATE OR REPLACE VIEW: ACCESS EXCLUSIVE on the existing view' }] : [];
      return [...replaced, ...readRelations(statement)];
    }
    case 'DoStmt':
    case 'CallStmt':
      notes.push('The locks taken inside a DO block or procedure cannot be known without running it.');
      return [];
    default:
      return readRelations(statement);
  }
}

/** The strongest lock per relation (ALTER TABLE with several subcommands takes the strictest one). */
function strongestPerRelation(locks: StatementLock[]): StatementLock[] {
  const result: StatementLock[] = [];
  for (const lock of locks) {
    const same = result.findIndex((r) => r.via === lock.via && r.relation.name === lock.relation.name && r.relation.schema === lock.relation.schema);
    const existing = result[same];
    if (!existing) result.push(lock);
    else if (lockStrength(lock.lock) > lockStrength(existing.lock)) result[same] = lock;
  }
  return result;
}

export function statementLocks(statement: Statement): StatementLocks {
  const notes: string[] = [];
  return { locks: strongestPerRelation(locksOf(statement, notes)), notes };
}
