import { useState } from 'react';
import type { Profile } from '../../../../shared/contract/connections';
import { ErrorView } from '../../../components/ErrorView';
import { environmentColor } from '../../../components/environment-color';
import { confirmLeave } from '../../../lib/leave-guards';
import { useSession } from '../../../lib/session-store';
import { useConnections } from '../api/list-connections';
import { useAppInfo } from '../api/app-info';
import { useDeleteConnection } from '../api/delete-connection';
import { useDisconnect } from '../api/server-status';
import { ConnectionForm } from './ConnectionForm';

/** Saved profiles: connect, edit, delete, add. */
export function ConnectionsPage() {
  const { data, error, isPending } = useConnections();
  const [editing, setEditing] = useState<Profile | 'new' | undefined>();
  const activeId = useSession((s) => s.activeConnectionId);
  const setActive = useSession((s) => s.setActiveConnection);
  const remove = useDeleteConnection();
  const disconnect = useDisconnect();
  const { data: info } = useAppInfo();
  // Leaving a connection (switch, disconnect, delete) rolls back its open editor transactions: ask first.
  const switchTo = (id: string) => void confirmLeave(activeId, 'Switching connection').then((ok) => ok && setActive(id));

  return (
    <section className="page">
      <header className="page-header">
        <h1>Connections</h1>
        <button className="primary" onClick={() => setEditing('new')}>
          Add connection
        </button>
      </header>
      {editing && (
        <ConnectionForm
          key={editing === 'new' ? 'new' : editing.id}
          profile={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(p) => {
            setEditing(undefined);
            if (p.id !== activeId) switchTo(p.id);
          }}
        />
      )}
      {info?.secretStorage.warning && (
        <p className="warning" role="note">
          {info.secretStorage.warning}
        </p>
      )}
      {isPending && <p>Loading…</p>}
      {error && <ErrorView error={error} />}
      {data?.demo.state === 'failed' && <ErrorView title="The demo database did not start" error={new Error(data.demo.message)} />}
      <ul className="connection-list">
        {data?.profiles.map((p) => (
          <li key={p.id} className={p.id === activeId ? 'active' : undefined}>
            <span className="env-dot" style={{ background: environmentColor(p) }} aria-hidden />
            <span className="connection-name">{p.name}</span>
            <span className="muted">
              {p.user}@{p.host}:{p.port}/{p.database} · {p.environment}
              {p.readOnly ? ' · read-only' : ''}
            </span>
            <span className="row-actions">
              <button onClick={() => switchTo(p.id)} disabled={p.id === activeId}>
                {p.id === activeId ? 'Active' : 'Use'}
              </button>
              {p.id !== activeId && (
                <button
                  title="Close this connection's sessions on the server; it reconnects when used again"
                  onClick={() => void confirmLeave(p.id, 'Disconnecting').then((ok) => ok && disconnect.mutate(p.id))}
                >
                  Disconnect
                </button>
              )}
              {p.kind === 'saved' && (
                <>
                  <button onClick={() => setEditing(p)}>Edit</button>
                  <button
                    className="danger"
                    onClick={() => {
                      if (window.confirm(`Delete the connection "${p.name}"? Its saved password is deleted too.`))
                        void confirmLeave(p.id, 'Deleting the connection').then((ok) => ok && remove.mutate(p.id));
                    }}
                  >
                    Delete
                  </button>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
