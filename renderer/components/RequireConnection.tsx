import './ui.css';
import type { ReactNode } from 'react';
import { navigate } from '../lib/hash-route';
import { useSession } from '../lib/session-store';
import { ReplicaLag } from './ReplicaLag';

/** Pages that read a database: ask for a connection first instead of showing nothing. */
export function RequireConnection({ title, children }: { title: string; children: (connectionId: string) => ReactNode }) {
  const connectionId = useSession((s) => s.activeConnectionId);
  if (!connectionId)
    return (
      <section className="page">
        <h1>{title}</h1>
        <p>No connection is active. Choose one in the switcher above, or add one.</p>
        <button className="primary" onClick={() => navigate('/connections')}>
          Open connections
        </button>
      </section>
    );
  return (
    <>
      <ReplicaLag connectionId={connectionId} />
      {children(connectionId)}
    </>
  );
}
