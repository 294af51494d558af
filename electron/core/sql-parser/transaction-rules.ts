/**
 * Which statements PostgreSQL refuses inside a transaction block ("cannot run inside a
 * transaction block", PreventInTransactionBlock in the server source). They must run one by
 * one, outside BEGIN/COMMIT. Sources: the reference pages of CREATE INDEX, DROP INDEX,
 * REINDEX, VACUUM, ALTER SYSTEM, CREATE/DROP DATABASE, CREATE/DROP TABLESPACE, CLUSTER,
 * CREATE/ALTER/DROP SUBSCRIPTION and ALTER TABLE … DETACH PARTITION … CONCURRENTLY.
 */
type Node = Record<string, unknown>;

function defNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) => ((item as { DefElem?: { defname?: string } }).DefElem?.defname ?? '').toLowerCase());
}

export function nonTransactionalReason(kind: string, node: Node): string | undefined {
  switch (kind) {
    case 'IndexStmt':
      return node.concurrent ? 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
    case 'DropStmt':
      return node.concurrent ? 'DROP INDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
    case 'ReindexStmt':
      return defNames(node.params).includes('concurrently') ? 'REINDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
    case 'VacuumStmt':
      return node.is_vacuumcmd ? 'VACUUM cannot run inside a transaction block' : undefined;
    case 'AlterSystemStmt':
      return 'ALTER SYSTEM cannot run inside a transaction block';
    case 'CreatedbStmt':
      return 'CREATE DATABASE cannot run inside a transaction block';
    case 'DropdbStmt':
      return 'DROP DATABASE cannot run inside a transaction block';
    case 'CreateTableSpaceStmt':
      return 'CREATE TABLESPACE cannot run inside a transaction block';
    case 'DropTableSpaceStmt':
      return 'DROP TABLESPACE cannot run inside a transaction block';
    case 'ClusterStmt':
      return node.relation ? undefined : 'CLUSTER without a table cannot run inside a transaction block';
    case 'CreateSubscriptionStmt':
      // The default create_slot = true makes it non-transactional; we do not evaluate the option's value.
      return 'CREATE SUBSCRIPTION (which creates a replication slot by default) cannot run inside a transaction block';
    case 'DropSubscriptionStmt':
      return 'DROP SUBSCRIPTION (dropping its slot) cannot run inside a transaction block';
    case 'AlterTableStmt': {
      const cmds = Array.isArray(node.cmds) ? node.cmds : [];
      const detachConcurrently = cmds.some((c) => {
        const cmd = (c as { AlterTableCmd?: { subtype?: string; def?: { PartitionCmd?: { concurrent?: boolean } } } }).AlterTableCmd;
        return cmd?.subtype === 'AT_DetachPartition' && cmd.def?.PartitionCmd?.concurrent === true;
      });
      return detachConcurrently ? 'ALTER TABLE … DETACH PARTITION … CONCURRENTLY cannot run inside a transaction block' : undefined;
    }
    default:
      return undefined;
  }
}
