import { lockModes, type LockMode } from '../../../../shared/contract/migration-locks';

export { lockModes, type LockMode };

/**
 * PostgreSQL's table-level lock modes (listed weakest first in the contract), and which pairs conflict.
 * Source: PostgreSQL 18 docs, 13.3.1 "Table-Level Locks" and Table 13.2 "Conflicting Lock Modes"
 * (https://www.postgresql.org/docs/18/explicit-locking.html#LOCKING-TABLES). The numbering is the
 * server's own (storage/lockdefs.h: AccessShareLock = 1 … AccessExclusiveLock = 8), which is also
 * what LOCK TABLE's parse tree carries in its `mode` field.
 */
/** Table 13.2, row by row: the modes each mode conflicts with. */
const conflicts: Record<LockMode, readonly LockMode[]> = {
  'ACCESS SHARE': ['ACCESS EXCLUSIVE'],
  'ROW SHARE': ['EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'ROW EXCLUSIVE': ['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'SHARE UPDATE EXCLUSIVE': ['SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  SHARE: ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'SHARE ROW EXCLUSIVE': ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  EXCLUSIVE: ['ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'ACCESS EXCLUSIVE': lockModes,
};

export function lockConflicts(a: LockMode, b: LockMode): boolean {
  return conflicts[a].includes(b);
}

/** 1 (ACCESS SHARE) … 8 (ACCESS EXCLUSIVE), the server's numbering. */
export function lockStrength(mode: LockMode): number {
  return lockModes.indexOf(mode) + 1;
}

export function lockModeFromNumber(mode: number | undefined): LockMode | undefined {
  return mode === undefined ? undefined : lockModes[mode - 1];
}

export function strongest(modes: Iterable<LockMode>): LockMode | undefined {
  let best: LockMode | undefined;
  for (const mode of modes) if (!best || lockStrength(mode) > lockStrength(best)) best = mode;
  return best;
}

/** Plain SELECTs take ACCESS SHARE: a mode that conflicts with it stops reads of the table. */
export function blocksReads(mode: LockMode): boolean {
  return lockConflicts(mode, 'ACCESS SHARE');
}

/** INSERT/UPDATE/DELETE take ROW EXCLUSIVE: a mode that conflicts with it stops writes. */
export function blocksWrites(mode: LockMode): boolean {
  return lockConflicts(mode, 'ROW EXCLUSIVE');
}
