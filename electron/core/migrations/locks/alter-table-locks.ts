import type { AlterTableCmd, AlterTableStmt, Constraint, Node } from 'libpg-query';
import { rangeVarName, unwrap, unwrapAll, type QualifiedName } from '../../sql-parser/ast';
import type { LockMode } from './lock-modes';
import type { StatementLock } from './statement-locks';

/**
 * The lock each ALTER TABLE subcommand takes. Source: PostgreSQL 18 reference page
 * "ALTER TABLE" (https://www.postgresql.org/docs/18/sql-altertable.html): "An ACCESS EXCLUSIVE
 * lock is acquired unless explicitly noted. When multiple subcommands are given, the lock
 * acquired will be the strictest one required by any subcommand." The exceptions below are the
 * ones that page notes, cross-checked with AlterTableGetLockLevel() in the server's tablecmds.c.
 */

interface CmdLock {
  lock: LockMode;
  reason: string;
  /** Locks this subcommand takes on other relations (referenced tables, partitions). */
  others?: StatementLock[];
}

const SUE: LockMode = 'SHARE UPDATE EXCLUSIVE';
const AE: LockMode = 'ACCESS EXCLUSIVE';
const SRE: LockMode = 'SHARE ROW EXCLUSIVE';

/**
 * "SET ( storage_parameter … ): … fillfactor, toast and autovacuum storage parameters, as well as
 * the planner parameter parallel_workers" take SHARE UPDATE EXCLUSIVE; other parameters ACCESS
 * EXCLUSIVE (reloptions.c gives each option its lock mode).
 */
const lightRelOptions = new Set(['fillfactor', 'toast_tuple_target', 'parallel_workers', 'vacuum_index_cleanup', 'vacuum_truncate', 'log_autovacuum_min_duration']);

function relOptionsLock(def: Node | undefined): LockMode {
  const names = unwrapAll(unwrap(def, 'List')?.items, 'DefElem').map((d) => `${d.defnamespace ? `${d.defnamespace}.` : ''}${d.defname ?? ''}`);
  const light = names.every((n) => lightRelOptions.has(n) || n.startsWith('autovacuum_') || n.startsWith('toast.'));
  return light ? SUE : AE;
}

/** FOREIGN KEY: "ADD FOREIGN KEY also acquires a SHARE ROW EXCLUSIVE lock on the referenced table". */
function foreignKeyLocks(constraints: Constraint[]): StatementLock[] {
  return constraints
    .filter((c) => c.contype === 'CONSTR_FOREIGN' && c.pktable)
    .map((c) => ({
      relation: rangeVarName(c.pktable),
      lock: SRE,
      reason: 'FOREIGN KEY: the referenced table gets SHARE ROW EXCLUSIVE while the constraint triggers are created and existing rows are checked',
    }));
}

function constraintLock(constraint: Constraint): CmdLock {
  const notValid = constraint.skip_validation === true;
  switch (constraint.contype) {
    case 'CONSTR_FOREIGN':
      return {
        lock: SRE,
        reason: notValid
          ? 'ADD FOREIGN KEY … NOT VALID: SHARE ROW EXCLUSIVE (blocks writes), briefly, without checking existing rows'
          : 'ADD FOREIGN KEY: SHARE ROW EXCLUSIVE (blocks writes) while every existing row is checked',
        others: foreignKeyLocks([constraint]),
      };
    case 'CONSTR_CHECK':
      return {
        lock: AE,
        reason: notValid ? 'ADD CHECK … NOT VALID: ACCESS EXCLUSIVE, briefly, without scanning' : 'ADD CHECK: ACCESS EXCLUSIVE while the whole table is scanned',
      };
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
    case 'CONSTR_EXCLUSION':
      return constraint.indexname
        ? { lock: AE, reason: 'ADD CONSTRAINT … USING INDEX: ACCESS EXCLUSIVE, briefly (the index already exists)' }
        : { lock: AE, reason: 'ADD PRIMARY KEY/UNIQUE/EXCLUDE: ACCESS EXCLUSIVE while the index is built' };
    case 'CONSTR_NOTNULL':
      return { lock: AE, reason: notValid ? 'ADD NOT NULL … NOT VALID: ACCESS EXCLUSIVE, briefly' : 'ADD NOT NULL: ACCESS EXCLUSIVE while the table is scanned' };
    default:
      return { lock: AE, reason: 'ADD CONSTRAINT: ACCESS EXCLUSIVE' };
  }
}

function columnConstraints(def: Node | undefined): Constraint[] {
  return unwrapAll(unwrap(def, 'ColumnDef')?.constraints, 'Constraint');
}

export function alterTableCmdLock(cmd: AlterTableCmd): CmdLock {
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      const others = foreignKeyLocks(columnConstraints(cmd.def));
      return { lock: AE, reason: 'ADD COLUMN: ACCESS EXCLUSIVE (a volatile default or a stored generated column also rewrites the table)', others };
    }
    case 'AT_AlterColumnType':
      return { lock: AE, reason: 'ALTER COLUMN TYPE: ACCESS EXCLUSIVE, usually while the table and its indexes are rewritten' };
    case 'AT_SetNotNull':
      return { lock: AE, reason: 'SET NOT NULL: ACCESS EXCLUSIVE while the table is scanned (skipped when a valid CHECK proves it)' };
    case 'AT_SetStatistics':
      return { lock: SUE, reason: 'SET STATISTICS: SHARE UPDATE EXCLUSIVE' };
    case 'AT_SetOptions':
    case 'AT_ResetOptions':
      return { lock: SUE, reason: 'per-attribute options (n_distinct …): SHARE UPDATE EXCLUSIVE' };
    case 'AT_ClusterOn':
    case 'AT_DropCluster':
      return { lock: SUE, reason: 'CLUSTER ON / SET WITHOUT CLUSTER: SHARE UPDATE EXCLUSIVE' };
    case 'AT_SetRelOptions':
    case 'AT_ResetRelOptions': {
      const lock = relOptionsLock(cmd.def);
      return { lock, reason: `SET/RESET storage parameters: ${lock}` };
    }
    case 'AT_ValidateConstraint':
      return {
        lock: SUE,
        reason: 'VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE (reads and writes continue) while existing rows are checked; a foreign key also takes ROW SHARE on the referenced table',
      };
    case 'AT_AddConstraint': {
      const constraint = unwrap(cmd.def, 'Constraint');
      return constraint ? constraintLock(constraint) : { lock: AE, reason: 'ADD CONSTRAINT: ACCESS EXCLUSIVE' };
    }
    case 'AT_AddIndexConstraint':
      return { lock: AE, reason: 'ADD CONSTRAINT … USING INDEX: ACCESS EXCLUSIVE, briefly (the index already exists)' };
    case 'AT_EnableTrig':
    case 'AT_EnableAlwaysTrig':
    case 'AT_EnableReplicaTrig':
    case 'AT_EnableTrigAll':
    case 'AT_EnableTrigUser':
    case 'AT_DisableTrig':
    case 'AT_DisableTrigAll':
    case 'AT_DisableTrigUser':
      return { lock: SRE, reason: 'ENABLE/DISABLE TRIGGER: SHARE ROW EXCLUSIVE (blocks writes)' };
    case 'AT_AttachPartition': {
      const partition = unwrap(cmd.def, 'PartitionCmd')?.name;
      const others: StatementLock[] = partition
        ? [{ relation: rangeVarName(partition), lock: AE, reason: 'ATTACH PARTITION: the table being attached gets ACCESS EXCLUSIVE (and is scanned unless a CHECK proves the bound)' }]
        : [];
      return { lock: SUE, reason: 'ATTACH PARTITION: SHARE UPDATE EXCLUSIVE on the partitioned table (plus ACCESS EXCLUSIVE on its default partition, if any)', others };
    }
    case 'AT_DetachPartition': {
      const cmdDef = unwrap(cmd.def, 'PartitionCmd');
      const concurrent = cmdDef?.concurrent === true;
      const others: StatementLock[] = cmdDef?.name
        ? [{ relation: rangeVarName(cmdDef.name), lock: concurrent ? SUE : AE, reason: `DETACH PARTITION${concurrent ? ' CONCURRENTLY' : ''}: the partition being detached` }]
        : [];
      return concurrent
        ? { lock: SUE, reason: 'DETACH PARTITION CONCURRENTLY: SHARE UPDATE EXCLUSIVE, in two transactions', others }
        : { lock: AE, reason: 'DETACH PARTITION: ACCESS EXCLUSIVE on the partitioned table', others };
    }
    case 'AT_DetachPartitionFinalize':
      return { lock: SUE, reason: 'DETACH PARTITION … FINALIZE: SHARE UPDATE EXCLUSIVE' };
    case 'AT_SetTableSpace':
    case 'AT_SetAccessMethod':
    case 'AT_SetLogged':
    case 'AT_SetUnLogged':
      return { lock: AE, reason: `${subcommandLabel(cmd)}: ACCESS EXCLUSIVE while the table is rewritten` };
    default:
      return { lock: AE, reason: `${subcommandLabel(cmd)}: ACCESS EXCLUSIVE` };
  }
}

function subcommandLabel(cmd: AlterTableCmd): string {
  const raw = (cmd.subtype ?? 'AT_Unknown').replace(/^AT_/, '');
  // AT_DropNotNull → "DROP NOT NULL"
  return raw.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

/** All locks of one ALTER TABLE (or ALTER INDEX/VIEW/MATERIALIZED VIEW … sharing its node). */
export function alterTableLocks(stmt: AlterTableStmt): StatementLock[] {
  const target: QualifiedName = rangeVarName(stmt.relation);
  const cmds = unwrapAll(stmt.cmds, 'AlterTableCmd');
  const perCmd = cmds.map(alterTableCmdLock);
  const locks: StatementLock[] = perCmd.map((c) => ({ relation: target, lock: c.lock, reason: c.reason }));
  for (const c of perCmd) locks.push(...(c.others ?? []));
  return locks;
}
