import { describe, expect, it } from 'vitest';
import { isOwnBookkeeping, lockModeName, toHeldLock } from './held-locks';

describe('held locks', () => {
  it('names pg_locks modes as the docs do', () => {
    expect(lockModeName('AccessExclusiveLock')).toBe('ACCESS EXCLUSIVE');
    expect(lockModeName('ShareUpdateExclusiveLock')).toBe('SHARE UPDATE EXCLUSIVE');
    expect(lockModeName('RowExclusiveLock')).toBe('ROW EXCLUSIVE');
    expect(lockModeName('ShareLock')).toBe('SHARE');
    expect(lockModeName('SIReadLock')).toBeNull();
  });

  it('maps relkinds and keeps the table-level name only for relation locks', () => {
    expect(toHeldLock({ locktype: 'relation', mode: 'ShareLock', granted: true, object: 'public.t', relkind: 'p', schema: 'public' })).toMatchObject({
      lock: 'SHARE',
      relationKind: 'partitioned table',
    });
    expect(toHeldLock({ locktype: 'transactionid', mode: 'ShareLock', granted: false, object: 'transaction 7', relkind: null, schema: null })).toMatchObject({
      lock: null,
      relationKind: null,
    });
  });

  it('leaves out the session bookkeeping of a dry run, not the statement locks', () => {
    expect(isOwnBookkeeping({ locktype: 'relation', mode: 'AccessShareLock', granted: true, object: 'pg_class', relkind: 'r', schema: 'pg_catalog' })).toBe(true);
    expect(isOwnBookkeeping({ locktype: 'transactionid', mode: 'ExclusiveLock', granted: true, object: 'transaction 9', relkind: null, schema: null })).toBe(true);
    expect(isOwnBookkeeping({ locktype: 'relation', mode: 'AccessExclusiveLock', granted: true, object: 'pg_toast.pg_toast_1', relkind: 't', schema: 'pg_toast' })).toBe(true);
    expect(isOwnBookkeeping({ locktype: 'relation', mode: 'AccessExclusiveLock', granted: true, object: 'public.t', relkind: 'r', schema: 'public' })).toBe(false);
  });
});
