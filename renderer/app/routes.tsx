import type { ReactNode } from 'react';
import { PlannedPage } from '../components/PlannedPage';
import { AuditPage } from '../features/audit/components/AuditPage';
import { ConnectionsPage } from '../features/connections/components/ConnectionsPage';
import { SchemaPage } from '../features/schema/components/SchemaPage';
import { SqlPage } from '../features/sql/components/SqlPage';
import { InsightsPage } from '../features/insights/components/InsightsPage';
import { MatviewsPage } from '../features/matviews/components/MatviewsPage';
import { MigrationsPage } from '../features/migrations/components/MigrationsPage';

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
    path: '/tickets',
    label: 'Tickets',
    shortcut: '6',
    render: planned(
      'Tickets',
      'Gate validation for staff: scan a QR code and see at once whether the ticket is accepted, already used, or not valid for this event.',
    ),
  },
  {
    path: '/orders',
    label: 'Orders',
    shortcut: '7',
    render: planned('Orders', 'Support lookup of orders and tickets by email, name, order id or QR hash, with each ticket’s scan history.'),
  },
  {
    path: '/events',
    label: 'Events',
    shortcut: '8',
    render: planned(
      'Events',
      'Event statistics for organizers: sales against capacity, revenue, check-ins and seat availability, also offline.',
    ),
  },
  {
    path: '/chain',
    label: 'Chain',
    shortcut: '9',
    render: planned(
      'Chain',
      'Invitation-chain statistics: totals, depth, the leaderboard, growth, expiring invitations and a user’s place in the tree.',
    ),
  },
  {
    path: '/audit',
    label: 'Audit',
    render: () => <AuditPage />,
  },
  { path: '/connections', label: 'Connections', shortcut: '0', render: () => <ConnectionsPage /> },
];

export function findRoute(fullPath: string): RouteDef {
  const path = fullPath.split('?')[0]!; // `#/migrations?draft=…` carries parameters after the path
  return routes.find((r) => path === r.path || path.startsWith(`${r.path}/`)) ?? routes.find((r) => r.path === '/connections')!;
}
