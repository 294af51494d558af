import type pg from 'pg';
import type { SequenceDescription } from '../../../shared/contract/schema-objects';
import { RpcError } from '../../../shared/rpc/rpc-error';
import describeSequenceSql from '../sql/schema/describe-sequence.sql?raw';
import { sequenceDdl, type SequenceFacts } from './sequence-ddl';
import { sequenceUsage } from './sequence-usage';

interface SequenceRow {
  data_type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  unlogged: boolean;
  owner: string;
  comment: string | null;
  can_read: boolean;
  last_value: string | null;
  owned_schema: string | null;
  owned_table: string | null;
  owned_column: string | null;
  owned_identity: 'always' | 'by default' | null;
  used_by_defaults: { schema: string; table: string; column: string }[];
  extension: string | null;
}

/** A sequence page: one catalog query, then the range arithmetic and the DDL in TypeScript. */
export async function describeSequence(client: pg.ClientBase, schema: string, name: string): Promise<SequenceDescription> {
  const r = (await client.query<SequenceRow>(describeSequenceSql, [schema, name])).rows[0];
  if (!r) throw new RpcError('NOT_FOUND', `There is no sequence ${schema}.${name}: it may have been dropped or renamed. Refresh the tree.`);
  const lastValueState = !r.can_read ? 'no-privilege' : r.last_value === null ? 'never-used' : 'known';
  const facts: SequenceFacts = {
    schema,
    name,
    owner: r.owner,
    comment: r.comment,
    dataType: r.data_type,
    start: r.start,
    increment: r.increment,
    min: r.min,
    max: r.max,
    cache: r.cache,
    cycle: r.cycle,
    unlogged: r.unlogged,
    lastValue: r.last_value,
    lastValueState,
    ownedBy:
      r.owned_schema !== null && r.owned_table !== null && r.owned_column !== null
        ? { schema: r.owned_schema, table: r.owned_table, column: r.owned_column, identity: r.owned_identity }
        : null,
    extension: r.extension,
  };
  const usage = lastValueState === 'no-privilege' ? null : sequenceUsage(facts);
  return {
    ...facts,
    usedFraction: usage?.usedFraction ?? null,
    remaining: usage?.remaining ?? null,
    usedByDefaults: r.used_by_defaults,
    ddl: sequenceDdl(facts),
  };
}
