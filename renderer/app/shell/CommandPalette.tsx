import { useMemo, useState } from 'react';
import type { SearchHit } from '../../../shared/contract/schema';
import { useConnections } from '../../features/connections/api/list-connections';
import { useSearchObjects } from '../../features/schema/api/search-objects';
import { objectPath } from '../../features/schema/object-route';
import { navigate } from '../../lib/hash-route';
import { confirmLeave } from '../../lib/leave-guards';
import { roleLabels, roles, useRole } from '../../lib/role-store';
import { useSession } from '../../lib/session-store';
import { routesFor } from '../routes';
import { rankMatches } from './palette-match';

interface PaletteItem {
  id: string;
  label: string;
  run: () => void;
}

const KIND_WORDS: Record<SearchHit['kind'], string> = {
  table: 'table',
  view: 'view',
  matview: 'materialized view',
  function: 'function',
  procedure: 'procedure',
  sequence: 'sequence',
  type: 'type',
  'foreign-table': 'foreign table',
  extension: 'extension',
};
const MAX_SHOWN = 50;

/** The word the server searches object names by: the longest one typed (it narrows most). */
const searchWord = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .sort((a, b) => b.length - a.length)[0] ?? '';

/**
 * Ctrl/Cmd+K: jump to a page, open a table, view or function of the active connection, switch
 * connection, change theme — by fuzzy words in any order.
 */
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
  const word = searchWord(text);
  const objects = useSearchObjects(open && activeId && word.length >= 2 ? activeId : '', open && activeId && word.length >= 2 ? word : '');

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
  const objectItems = useMemo<PaletteItem[]>(
    () =>
      (objects.data?.hits ?? []).map((h) => ({
        id: `obj:${h.kind}:${h.schema}.${h.name}(${h.args ?? ''})`,
        label: `Open ${KIND_WORDS[h.kind]} ${h.schema}.${h.name}${h.args !== undefined ? `(${h.args})` : ''}`,
        run: () => navigate(objectPath(h)),
      })),
    [objects.data],
  );
  const matches = rankMatches([...items, ...(word.length >= 2 ? objectItems : [])], text).slice(0, MAX_SHOWN);
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
          placeholder="Type a page, table, function or command…"
          aria-label="Search pages, tables, views, functions and commands"
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
        {matches.length > 0 ? (
          <ul role="listbox" aria-label="Matches">
            {matches.map((item, i) => (
              <li key={item.id} role="option" aria-selected={i === index} onMouseEnter={() => setIndex(i)} onClick={() => choose(item)}>
                {item.label}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted palette-empty">{objects.isFetching ? 'Searching…' : 'Nothing matches'}</p>
        )}
      </div>
    </div>
  );
}
