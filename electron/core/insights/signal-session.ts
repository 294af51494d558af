import { RpcError } from '../../../shared/rpc/rpc-error';
import { audited } from '../audit/audit-log';
import type { CoreDeps } from '../deps';
import cancelSql from '../sql/activity/cancel.sql?raw';
import sessionSql from '../sql/activity/session.sql?raw';
import terminateSql from '../sql/activity/terminate.sql?raw';

/**
 * Cancel a session's query or terminate the session, audited with who it was and what it ran.
 * pg_cancel_backend/pg_terminate_backend need the same role, pg_signal_backend membership or
 * superuser (PG docs 9.28.2); the server's refusal is reported as is.
 */
export async function signalSession(deps: CoreDeps, connectionId: string, pid: number, action: 'cancel' | 'terminate') {
  const pool = await deps.pools.get(connectionId);
  const { rows } = await pool.query<{ role: string | null; database: string | null; application: string; query: string }>(sessionSql, [
    pid,
  ]);
  const who = rows[0];
  if (!who) throw new RpcError('NOT_FOUND', `Session ${pid} no longer exists (it ended or was terminated). Refresh Activity.`);
  const target = `pid ${pid} (${who.role ?? '?'}@${who.database ?? '?'}${who.application ? `, ${who.application}` : ''})`;
  const fn = action === 'cancel' ? 'pg_cancel_backend' : 'pg_terminate_backend';
  return audited(
    deps.audit,
    connectionId,
    { action: `session.${action}`, target, detail: `${fn}(${pid}); query: ${who.query.slice(0, 500)}` },
    async () => {
      const { rows: result } = await pool.query<{ signalled: boolean }>(action === 'cancel' ? cancelSql : terminateSql, [pid]);
      const signalled = result[0]?.signalled ?? false;
      if (!signalled) throw new RpcError('NOT_FOUND', `Session ${pid} could not be signalled: it ended meanwhile.`);
      return { signalled };
    },
  );
}
