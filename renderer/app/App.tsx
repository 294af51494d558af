import { useQueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { RpcError } from '../../shared/rpc/rpc-error';
import { ErrorView } from '../components/ErrorView';
import { useConnections } from '../features/connections/api/list-connections';
import { ConnectionSwitcher } from '../features/connections/components/ConnectionSwitcher';
import { StatusBar } from '../features/connections/components/StatusBar';
import { useHealthSampler } from '../features/insights/hooks/use-health-sampler';
import { useRoute } from '../lib/hash-route';
import { appKeys } from '../lib/query-keys';
import { offlinePersistOptions } from '../lib/offline-cache';
import { createQueryClient } from '../lib/query-client';
import { rpc } from '../lib/rpc';
import { useSession } from '../lib/session-store';
import { findRoute } from './routes';
import { CommandPalette } from './shell/CommandPalette';
import { RolePicker } from './shell/RolePicker';
import { Sidebar } from './shell/Sidebar';
import { useGlobalShortcuts } from './shell/use-global-shortcuts';
import { useTheme } from './shell/use-theme';

/** Without a valid token (browser mode) nothing else can work: say so and how to fix it. */
function AccessGate({ children }: { children: ReactNode }) {
  const { error } = useConnections();
  if (error instanceof RpcError && (error.code === 'UNAUTHORIZED' || error.code === 'UNAVAILABLE'))
    return (
      <main className="gate">
        <ErrorView title={error.code === 'UNAUTHORIZED' ? 'Not authorized' : 'The console server is not reachable'} error={error} />
      </main>
    );
  return children;
}

function Shell() {
  const path = useRoute();
  const route = findRoute(path);
  const setPaletteOpen = useSession((s) => s.setPaletteOpen);
  const client = useQueryClient();
  useTheme();
  useGlobalShortcuts();
  useHealthSampler();
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
        <main className="content">
          <Suspense
            fallback={
              <p className="muted" aria-busy="true">
                Loading {route.label}…
              </p>
            }
          >
            {route.render()}
          </Suspense>
        </main>
        <StatusBar />
      </div>
      <CommandPalette />
      <RolePicker />
    </div>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [persistOptions] = useState(offlinePersistOptions);
  return (
    <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
      <AccessGate>
        <Shell />
      </AccessGate>
    </PersistQueryClientProvider>
  );
}
