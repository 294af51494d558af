import { rangeVarName, unwrap } from '../../../sql-parser/ast';
import { alterCommands } from '../statements';
import { qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** ALTER TABLE reference page, DETACH PARTITION: CONCURRENTLY (PostgreSQL 14+) "runs with a lower lock level". */
export const detachPartitionNonConcurrently: LintRule = {
  id: 'detach-partition-non-concurrently',
  severity: 'error',
  title: 'DETACH PARTITION without CONCURRENTLY',
  why:
    'A plain DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table: every query on any partition waits, and queues behind it. ' +
    'On PostgreSQL 14 and later, DETACH PARTITION … CONCURRENTLY takes SHARE UPDATE EXCLUSIVE on the parent instead (it cannot run in a ' +
    'transaction block, and not when the table has a default partition).',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const { statement, table, cmd } of alterCommands(ctx.up.statements)) {
      if (cmd.subtype !== 'AT_DetachPartition') continue;
      const partition = unwrap(cmd.def, 'PartitionCmd');
      if (partition?.concurrent || ctx.isNewTable(statement, table)) continue;
      const child = qualified(rangeVarName(partition?.name));
      hits.push({
        statement,
        location: partition?.name?.location,
        message: `Detaching ${child} locks ${qualified(table)} ACCESS EXCLUSIVE.`,
        safeRewrite: `-- PostgreSQL 14+, in a migration of its own (outside a transaction):\nALTER TABLE ${qualified(table)} DETACH PARTITION ${child} CONCURRENTLY;`,
      });
    }
    return hits;
  },
};
