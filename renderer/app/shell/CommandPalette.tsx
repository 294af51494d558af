import { useMemo, useState } from 'react';
import { useConnections } from '../../features/connections/api/list-connections';
import { navigate } from '../../lib/hash-route';
import { confirmLeave } from '../../lib/leave-guards';
import { roleLabels, roles, useRole } from '../../lib/role-store';
import { useSession } from '../../lib/session-store';
import { routesFor } from '../routes';

interface PaletteItem {
  id: string;
  label: string;
  run: () => void;
}

/** Ctrl/Cmd+K: jump to a page, switch connection, change theme — by typing. */
export function CommandPalette() {
  const open = useSession((s) => s.paletteOpen);
  const setOpen = useSession((s) => s.setPaletteOpen);
  const setActive = useSession((s) => s.setActiveConnection);
  const activeId = useSession((s) => s.activeConnectionId);
  const setTheme = useSession((s) => s.setTheme);
  const role = useRole((s) => s.role);
  const setRole = useRole((s) => s.setRole);
  const { data } = useConnections();
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);

  const items = useMemo<PaletteItem[]>(
    () => [
      ...routesFor(role).map((r) => ({ id: `go:${r.path}`, label: `Go to ${r.label}`, run: () => navigate(r.path) })),
      ...(data?.profiles ?? []).map((p) => ({
        id: `conn:${p.id}`,
        label: `Switch connection: ${p.name}`,
        run: () => void confirmLeave(activeId, 'Switching connection').then((ok) => ok && setActive(p.id)),
      })),
      ...(['system', 'light', 'dark'] as const).map((t) => ({ id: `theme:${t}`, label: `Theme: ${t}`, run: () => setTheme(t) })),
      ...roles.map((r) => ({ id: `role:${r}`, label: `Settings: role ${roleLabels[r].name}`, run: () => setRole(r) })),
    ],
    [data, role, setActive, setTheme, setRole, activeId],
  );
  const needle = text.trim().toLowerCase();
  const matches = items.filter((i) => i.label.toLowerCase().includes(needle));
  if (!open) return null;

  const close = () => {
    setOpen(false);
    setText('');
    setIndex(0);
  };
  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    item.run();
    close();
  };

  return (
    <div className="palette-backdrop" onClick={close}>
      <div className="palette" role="dialog" aria-label="Command palette" onClick={(e) => e.stopPropagation()}>
        <input
          autoFocus
          placeholder="Type a command…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
            if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, matches.length - 1));
            if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
            if (e.key === 'Enter') choose(matches[index]);
          }}
        />
        <ul role="listbox">
          {matches.map((item, i) => (
            <li key={item.id} role="option" aria-selected={i === index} onMouseEnter={() => setIndex(i)} onClick={() => choose(item)}>
              {item.label}
            </li>
          ))}
          {matches.length === 0 && <li className="muted">No matching command</li>}
        </ul>
      </div>
    </div>
  );
}
