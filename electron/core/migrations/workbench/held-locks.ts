import type pg from 'pg';
import type { HeldLock } from '../../../../shared/contract/migration-workbench';
import { lockModes, type LockMode } from '../../../../shared/contract/migration-locks';
import heldByPidSql from '../../sql/locks/held-by-pid.sql?raw';
import { relationKindOf } from '../locks/relation-kind';

export interface RawHeldLock {
  locktype: string;
  mode: string;
  granted: boolean;
  object: string;
  relkind: string | null;
  schema: string | null;
}

/** pg_locks' `AccessExclusiveLock` in the docs' words (`ACCESS EXCLUSIVE`); null for other modes (ShareLock on a transaction is `SHARE`). */
export function lockModeName(mode: string): LockMode | null {
  const words = mode
    .replace(/Lock$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
  return (lockModes as readonly string[]).includes(words) ? (words as LockMode) : null;
}


export function toHeldLock(raw: RawHeldLock): HeldLock {
  return {
    locktype: raw.locktype,
    mode: raw.mode,
    lock: raw.locktype === 'relation' ? lockModeName(raw.mode) : null,
    object: raw.object,
    relationKind: raw.relkind === null ? null : relationKindOf(raw.relkind),
    granted: raw.granted,
  };
}

/** A lock's identity across two reads of pg_locks. */
export const lockKey = (l: HeldLock) => `${l.locktype}\u0000${l.object}\u0000${l.mode}\u0000${l.granted}`;

/** Reads the locks of backend `pid` (any session may ask: pg_locks is readable by every role). */
export async function readHeldLocks(client: pg.ClientBase | pg.Pool, pid: number): Promise<{ locks: HeldLock[]; raw: RawHeldLock[] }> {
  const { rows } = await client.query<RawHeldLock>(heldByPidSql, [pid]);
  return { locks: rows.map(toHeldLock), raw: rows };
}

/**
 * What a dry-run statement locked, without the session's own bookkeeping (the catalog reads of
 * this very query and of the snapshot: ACCESS SHARE on pg_catalog tables; its transaction id) and
 * without TOAST tables and their indexes, which go with the table they belong to.
 */
export function isOwnBookkeeping(raw: RawHeldLock): boolean {
  if (raw.locktype === 'transactionid' || raw.schema === 'pg_toast') return true;
  return raw.locktype === 'relation' && raw.mode === 'AccessShareLock' && (raw.schema === 'pg_catalog' || raw.schema === 'information_schema');
}
