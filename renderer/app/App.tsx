import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ConnectionSwitcher } from '../features/connections/components/ConnectionSwitcher';
import { StatusBar } from '../features/connections/components/StatusBar';
import { useRoute } from '../lib/hash-route';
import { appKeys } from '../lib/query-keys';
import { createQueryClient } from '../lib/query-client';
import { rpc } from '../lib/rpc';
import { useSession } from '../lib/session-store';
import { findRoute } from './routes';
import { CommandPalette } from './shell/CommandPalette';
import { Sidebar } from './shell/Sidebar';
import { useGlobalShortcuts } from './shell/use-global-shortcuts';
import { useTheme } from './shell/use-theme';

function Shell() {
  const path = useRoute();
  const route = findRoute(path);
  const setPaletteOpen = useSession((s) => s.setPaletteOpen);
  const client = useQueryClient();
  useTheme();
  useGlobalShortcuts();
  useEffect(() => rpc.on('connections.changed', () => void client.invalidateQueries({ queryKey: appKeys.connections() })), [client]);

  return (
    <div className="shell">
      <Sidebar current={route.path} />
      <div className="main-column">
        <header className="topbar">
          <ConnectionSwitcher />
          <button className="palette-button" onClick={() => setPaletteOpen(true)} title="Command palette (Ctrl/Cmd+K)">
            Search commands… <kbd>Ctrl K</kbd>
          </button>
        </header>
        <main className="content">{route.render()}</main>
        <StatusBar />
      </div>
      <CommandPalette />
    </div>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <Shell />
    </QueryClientProvider>
  );
}
