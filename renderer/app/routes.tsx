import type { ReactNode } from 'react';
import { PlannedPage } from '../components/PlannedPage';
import { ChainPage } from '../features/chain/components/ChainPage';
import { ConnectionsPage } from '../features/connections/components/ConnectionsPage';
import { EventsPage } from '../features/events/components/EventsPage';
import { OrdersPage } from '../features/orders/components/OrdersPage';
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

const planned = (title: string, description: string) => () => <PlannedPage title={title} description={description} />;

/** Left navigation by capability, in the order a DBA uses them. */
export const routes: RouteDef[] = [
  {
    path: '/schema',
    label: 'Schema',
    shortcut: '1',
    render: planned(
      'Schema',
      'Browse schemas, tables, views, functions and types lazily, even on catalogs with tens of thousands of tables; see columns, indexes, constraints, storage and DDL; page through table data.',
    ),
  },
  {
    path: '/sql',
    label: 'SQL',
    shortcut: '2',
    render: planned(
      'SQL editor',
      'Write and run SQL with schema-aware completion, streamed results, cancel, read-only mode, error positions underlined and per-connection history.',
    ),
  },
  {
    path: '/migrations',
    label: 'Migrations',
    shortcut: '3',
    render: planned(
      'Migrations',
      'Preview, lint, dry-run and apply migrations with rollback scripts, a reversibility check and a live lock view.',
    ),
  },
  {
    path: '/insights',
    label: 'Insights',
    shortcut: '4',
    render: planned(
      'Insights',
      'Slow queries from pg_stat_statements, EXPLAIN plans, table and index bloat, an index advisor, sessions and locks, health and maintenance with progress.',
    ),
  },
  {
    path: '/matviews',
    label: 'Materialized views',
    shortcut: '5',
    render: planned(
      'Materialized views',
      'List materialized views with size and last refresh; refresh them (concurrently when possible) with progress.',
    ),
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
    render: planned('Audit log', 'Every change the console makes to a database: who, what, when, how long and the outcome.'),
  },
  { path: '/connections', label: 'Connections', shortcut: '0', render: () => <ConnectionsPage /> },
];

/** The navigation for a role: its pages first (see role-order.ts), every page reachable. */
export function routesFor(role: Role | undefined): RouteDef[] {
  return orderForRole(routes, role);
}

export function findRoute(path: string): RouteDef {
  return routes.find((r) => path === r.path || path.startsWith(`${r.path}/`)) ?? routes.find((r) => r.path === '/connections')!;
}
