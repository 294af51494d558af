import { lazy, type ReactNode } from 'react';
import type { Role } from '../lib/role-store';
import { orderForRole } from './role-order';

// Each page is its own chunk, fetched on first visit: the first paint parses the shell and one page, not all
// of them and Monaco (App.tsx holds the Suspense boundary).
const AuditPage = lazy(() => import('../features/audit/components/AuditPage').then((m) => ({ default: m.AuditPage })));
const ChainPage = lazy(() => import('../features/chain/components/ChainPage').then((m) => ({ default: m.ChainPage })));
const ConnectionsPage = lazy(() =>
  import('../features/connections/components/ConnectionsPage').then((m) => ({ default: m.ConnectionsPage })),
);
const EventsPage = lazy(() => import('../features/events/components/EventsPage').then((m) => ({ default: m.EventsPage })));
const InsightsPage = lazy(() => import('../features/insights/components/InsightsPage').then((m) => ({ default: m.InsightsPage })));
const MatviewsPage = lazy(() => import('../features/matviews/components/MatviewsPage').then((m) => ({ default: m.MatviewsPage })));
const MigrationsPage = lazy(() => import('../features/migrations/components/MigrationsPage').then((m) => ({ default: m.MigrationsPage })));
const OrdersPage = lazy(() => import('../features/orders/components/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const SchemaPage = lazy(() => import('../features/schema/components/SchemaPage').then((m) => ({ default: m.SchemaPage })));
const SqlPage = lazy(() => import('../features/sql/components/SqlPage').then((m) => ({ default: m.SqlPage })));
const BackupsPage = lazy(() => import('../features/backups/components/BackupsPage').then((m) => ({ default: m.BackupsPage })));
const TicketsPage = lazy(() => import('../features/tickets/components/TicketsPage').then((m) => ({ default: m.TicketsPage })));

export interface RouteDef {
  path: string;
  label: string;
  /** Keyboard shortcut digit: Ctrl/Cmd+<digit>. */
  shortcut?: string;
  render: () => ReactNode;
}

/** Left navigation by capability, in the order a DBA uses them. */
export const routes: RouteDef[] = [
  {
    path: '/schema',
    label: 'Schema',
    shortcut: '1',
    render: () => <SchemaPage />,
  },
  {
    path: '/sql',
    label: 'SQL',
    shortcut: '2',
    render: () => <SqlPage />,
  },
  {
    path: '/migrations',
    label: 'Migrations',
    shortcut: '3',
    render: () => <MigrationsPage />,
  },
  {
    path: '/insights',
    label: 'Insights',
    shortcut: '4',
    render: () => <InsightsPage />,
  },
  {
    path: '/matviews',
    label: 'Materialized views',
    shortcut: '5',
    render: () => <MatviewsPage />,
  },
  {
    path: '/backups',
    label: 'Backups',
    render: () => <BackupsPage />,
  },
  {
    path: '/tickets',
    label: 'Tickets',
    shortcut: '6',
    render: () => <TicketsPage />,
  },
  {
    path: '/orders',
    label: 'Orders',
    shortcut: '7',
    render: () => <OrdersPage />,
  },
  {
    path: '/events',
    label: 'Events',
    shortcut: '8',
    render: () => <EventsPage />,
  },
  {
    path: '/chain',
    label: 'Chain',
    shortcut: '9',
    render: () => <ChainPage />,
  },
  {
    path: '/audit',
    label: 'Audit',
    render: () => <AuditPage />,
  },
  { path: '/connections', label: 'Connections', shortcut: '0', render: () => <ConnectionsPage /> },
];

/** The navigation for a role: its pages first (see role-order.ts), every page reachable. */
export function routesFor(role: Role | undefined): RouteDef[] {
  return orderForRole(routes, role);
}

export function findRoute(fullPath: string): RouteDef {
  const path = fullPath.split('?')[0]!; // `#/migrations?draft=…` carries parameters after the path
  return routes.find((r) => path === r.path || path.startsWith(`${r.path}/`)) ?? routes.find((r) => r.path === '/connections')!;
}
