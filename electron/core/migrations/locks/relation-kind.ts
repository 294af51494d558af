import type { relationKinds } from '../../../../shared/contract/migration-locks';

type RelationKind = (typeof relationKinds)[number];

/** pg_class.relkind in the manual's words (https://www.postgresql.org/docs/current/catalog-pg-class.html). */
const KINDS: Record<string, RelationKind> = {
  r: 'table',
  p: 'partitioned table',
  i: 'index',
  I: 'partitioned index',
  v: 'view',
  m: 'materialized view',
  S: 'sequence',
  f: 'foreign table',
};

/** The kind of a locked relation as the lock contracts name it; TOAST tables, composite types … are 'other'. */
export const relationKindOf = (relkind: string): RelationKind => KINDS[relkind] ?? 'other';
