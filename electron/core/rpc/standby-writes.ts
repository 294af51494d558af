import type { PoolRegistry } from '../db/pool-registry';
import type { ProfileStore } from '../store/profile-store';
import type { Dispatch } from './dispatcher';

const connectionIdOf = (input: unknown): string | undefined => {
  if (typeof input !== 'object' || input === null) return undefined;
  const record = input as Record<string, unknown>;
  const id = record.connectionId ?? record.id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * A write aimed at a standby fails with 25006 "cannot execute … in a read-only transaction", the
 * same words a read-only session gets. When the connection's server is in recovery right now
 * (asked at that moment: a promoted standby takes writes again), the error says what it is and
 * where writes go; the Postgres fields stay as they were.
 */
export function explainStandbyWrites(dispatch: Dispatch, deps: { pools: PoolRegistry; profiles: ProfileStore }): Dispatch {
  return async (method, input, ctx) => {
    const envelope = await dispatch(method, input, ctx);
    if (envelope.ok || envelope.error.pg?.sqlstate !== '25006') return envelope;
    const id = connectionIdOf(input);
    if (!id || !deps.pools.isOpen(id)) return envelope;
    const inRecovery = await deps.pools
      .get(id)
      .then((pool) => pool.query<{ standby: boolean }>('SELECT /* ticketz-console */ pg_catalog.pg_is_in_recovery() AS standby'))
      .then((r) => r.rows[0]?.standby === true)
      .catch(() => false);
    if (!inRecovery) return envelope;
    const primaryId = profileOf(deps.profiles, id)?.primaryId;
    const primary = primaryId ? profileOf(deps.profiles, primaryId)?.name : undefined;
    const where = primary
      ? `Writes go to its primary, the connection "${primary}".`
      : 'Writes go to its primary: connect to that server to make this change.';
    return {
      ok: false,
      error: {
        ...envelope.error,
        message: `This server is a standby (a read replica, in recovery), so it cannot take writes. ${where} (${envelope.error.pg.serverMessage ?? envelope.error.message})`,
      },
    };
  };
}

function profileOf(profiles: ProfileStore, id: string) {
  try {
    return profiles.get(id);
  } catch {
    return undefined;
  }
}
