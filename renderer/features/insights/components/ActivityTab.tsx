import { useState } from 'react';
import type { SessionRow } from '../../../../shared/contract/insights';
import { formatMs, formatTime } from '../../../../shared/domain/format';
import { useConnectionProfile } from '../../../lib/connection-profile';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import { useActivity } from '../api/activity';
import { useSignalSession } from '../api/signal-session';
import { blockingTree, type TreeNode } from './blocking-tree';

const LONG_RUNNING_MS = 60_000;
const FLAG_LABELS: Record<SessionRow['flags'][number], string> = {
  'long-running': 'long-running',
  'idle-in-transaction': 'idle in transaction',
  blocked: 'blocked',
  blocking: 'blocking others',
};

/** Sessions, the blocking tree, and cancel/terminate; refreshed every 2 s unless paused. */
export function ActivityTab({ connectionId }: { connectionId: string }) {
  const [paused, setPaused] = useState(false);
  const [includeIdle, setIncludeIdle] = useState(false);
  const [showConsole, setShowConsole] = useState(false);
  const [pending, setPending] = useState<{ session: SessionRow; action: 'cancel' | 'terminate' } | undefined>();
  const activity = useActivity(connectionId, includeIdle, LONG_RUNNING_MS, paused ? false : 2000);
  const signal = useSignalSession(connectionId);
  const profile = useConnectionProfile(connectionId);
  const [typed, setTyped] = useState('');
  // Terminate on production: the database name must be typed (the server checks it too).
  const mustType = pending?.action === 'terminate' && profile?.environment === 'production' ? profile.database : undefined;
  const sessions = (activity.data?.sessions ?? []).filter((s) => showConsole || !s.isConsole || s.flags.length > 0);
  const tree = blockingTree(activity.data?.sessions ?? []);

  return (
    <div className="activity-tab">
      <div className="toolbar">
        <button onClick={() => setPaused(!paused)} aria-pressed={paused}>
          {paused ? 'Resume auto-refresh' : 'Pause auto-refresh'}
        </button>
        <label>
          <input type="checkbox" checked={includeIdle} onChange={(e) => setIncludeIdle(e.target.checked)} /> Idle sessions
        </label>
        <label>
          <input type="checkbox" checked={showConsole} onChange={(e) => setShowConsole(e.target.checked)} /> The console’s own
        </label>
        {activity.data && <span className="muted">as of {formatTime(activity.data.at)}</span>}
      </div>
      {activity.error && <ErrorView title="Could not read pg_stat_activity" error={activity.error} />}
      {signal.error && <ErrorView title="The session was not signalled" error={signal.error} />}
      {tree.length > 0 && (
        <section className="insights-blocking" aria-label="Blocking tree">
          <h2>Blocking</h2>
          <ul className="tree">
            {tree.map((n) => (
              <TreeItem key={n.session.pid} node={n} />
            ))}
          </ul>
        </section>
      )}
      <div className="table-scroll">
        <table className="data-table insights-sessions-table">
          <thead>
            <tr>
              <th className="num">PID</th>
              <th>State</th>
              <th>Wait</th>
              <th className="num" title="Since the current (or last) statement started: now() − query_start">
                Query age
              </th>
              <th className="num" title="Since the open transaction began: now() − xact_start">
                Transaction age
              </th>
              <th>Application</th>
              <th>Client</th>
              <th>Role / DB</th>
              <th>Query</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.pid} className={s.flags.map((f) => `flag-${f}`).join(' ')}>
                <td className="num">{s.pid}</td>
                <td>
                  {s.state ?? s.backendType}
                  {s.flags.map((f) => (
                    <span key={f} className={`badge ${f === 'blocked' || f === 'blocking' ? 'level-critical' : 'level-warning'}`}>
                      {FLAG_LABELS[f]}
                    </span>
                  ))}
                </td>
                <td>{s.waitingFor ?? (s.waitEvent ? `${s.waitEventType}: ${s.waitEvent}` : '')}</td>
                <td className="num">{formatMs(s.durationMs)}</td>
                <td className="num">{s.xactMs === null ? '' : formatMs(s.xactMs)}</td>
                <td>{s.application}</td>
                <td>{s.client ?? ''}</td>
                <td>
                  {s.role ?? ''}
                  {s.database ? ` / ${s.database}` : ''}
                </td>
                <td className="query-cell" title={s.query}>
                  <code>{s.query.replace(/\s+/g, ' ').slice(0, 140)}</code>
                </td>
                <td className="row-actions">
                  {!s.isSelf && s.backendType === 'client backend' && (
                    <>
                      <button disabled={s.state !== 'active'} onClick={() => setPending({ session: s, action: 'cancel' })}>
                        Cancel
                      </button>
                      <button className="danger" onClick={() => setPending({ session: s, action: 'terminate' })}>
                        Terminate
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pending && (
        <ConfirmDialog
          title={
            pending.action === 'cancel'
              ? `Cancel the query of session ${pending.session.pid}?`
              : `Terminate session ${pending.session.pid}?`
          }
          confirmLabel={pending.action === 'cancel' ? 'Cancel query' : 'Terminate session'}
          danger
          confirmDisabled={mustType !== undefined && typed !== mustType}
          onCancel={() => {
            setPending(undefined);
            setTyped('');
          }}
          onConfirm={() => {
            signal.mutate({
              pid: pending.session.pid,
              action: pending.action,
              ...(mustType !== undefined ? { confirmDatabase: typed } : {}),
            });
            setPending(undefined);
            setTyped('');
          }}
        >
          <p>
            {pending.session.role}@{pending.session.database} · {pending.session.application || 'no application name'} ·{' '}
            {pending.session.client ?? ''}
          </p>
          <p>
            <code>{pending.session.query.slice(0, 400)}</code>
          </p>
          <p>
            {pending.action === 'cancel'
              ? 'pg_cancel_backend stops the running statement; the session stays open (its transaction, if any, is then aborted).'
              : 'pg_terminate_backend closes the session: its open transaction is rolled back and the client sees a lost connection.'}{' '}
            Recorded in the audit log.
          </p>
          {mustType !== undefined && (
            <label className="type-to-confirm">
              This is a production connection. Type the database name <code>{mustType}</code> to confirm:
              <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Database name to confirm" spellCheck={false} />
            </label>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}

function TreeItem({ node }: { node: TreeNode }) {
  const s = node.session;
  return (
    <li>
      <span className={s.blockedBy.length ? 'blocked' : 'blocker'}>
        <strong>{s.pid}</strong> {s.application || s.backendType} · {s.state ?? ''} ·{' '}
        {s.xactMs !== null ? `transaction ${formatMs(s.xactMs)}, ` : ''}query {formatMs(s.durationMs)}
        {s.waitingFor ? ` · waits for ${s.waitingFor}` : ''} · <code>{s.query.replace(/\s+/g, ' ').slice(0, 100)}</code>
      </span>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <TreeItem key={c.session.pid} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}
