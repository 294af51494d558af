import type { ReactNode } from 'react';
import { AuditPage } from '../features/audit/components/AuditPage';
import { BackupsPage } from '../features/backups/components/BackupsPage';
import { ChainPage } from '../features/chain/components/ChainPage';
import { ConnectionsPage } from '../features/connections/components/ConnectionsPage';
import { EventsPage } from '../features/events/components/EventsPage';
import { InsightsPage } from '../features/insights/components/InsightsPage';
import { MatviewsPage } from '../features/matviews/components/MatviewsPage';
import { MigrationsPage } from '../features/migrations/components/MigrationsPage';
import { OrdersPage } from '../features/orders/components/OrdersPage';
import { SchemaPage } from '../features/schema/components/SchemaPage';
import { SqlPage } from '../features/sql/components/SqlPage';
import { TicketsPage } from '../features/tickets/components/TicketsPage';
import type { Role } from '../lib/role-store';
import { orderForRole } from './role-order';

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
