import { useEffect } from 'react';
import { environmentColor } from '../../../components/environment-color';
import { confirmLeave } from '../../../lib/leave-guards';
import { useSession } from '../../../lib/session-store';
import { useConnections } from '../api/list-connections';

/** The active connection, its environment colour, and a quick switch; picks the first one on first start. */
export function ConnectionSwitcher() {
  const { data, isFetching } = useConnections();
  const activeId = useSession((s) => s.activeConnectionId);
  const setActive = useSession((s) => s.setActiveConnection);
  const profiles = data?.profiles;
  const active = profiles?.find((p) => p.id === activeId);
  const first = profiles?.[0];

  // Only on a fresh list: right after saving a profile the cached list does not hold it yet.
  useEffect(() => {
    if (!isFetching && !active && first) setActive(first.id);
  }, [isFetching, active, first, setActive]);

  return (
    <div className="connection-switcher" style={{ borderColor: active ? environmentColor(active) : undefined }}>
      <span className="env-badge" style={{ background: active ? environmentColor(active) : 'gray' }}>
        {active?.environment ?? 'none'}
      </span>
      <select
        aria-label="Active connection"
        value={activeId ?? ''}
        onChange={(e) => {
          const next = e.target.value || undefined;
          // The SQL editor's open transactions on the connection left are rolled back: ask first.
          void confirmLeave(activeId, 'Switching connection').then((ok) => ok && setActive(next));
        }}
      >
        {!active && <option value="">No connection</option>}
        {profiles?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
