import type { OutputOf } from '../../../../shared/contract';
import { formatCount, formatDecimal, formatTime } from '../../../../shared/domain/format';
import { BarChart } from '../../../components/charts/BarChart';
import { ErrorView } from '../../../components/ErrorView';
import { DataTable, type DataTableColumn } from '../../../components/table/DataTable';
import { NoConnection } from '../../../components/NoConnection';
import { useSession } from '../../../lib/session-store';
import { useChainStats } from '../api/chain-overview';
import { useExpiring } from '../api/expiring';
import { useGrowth } from '../api/growth';
import { useLeaderboard } from '../api/leaderboard';
import { UserLookup } from './UserLookup';
import './chain.css';

/** The invitation chain: figures, growth, leaderboard, expiring invitations, and one user's place in the tree. */
export function ChainPage() {
  const connectionId = useSession((s) => s.activeConnectionId);
  if (!connectionId) return <NoConnection title="Chain" />;
  return (
    <section className="page chain-page" key={connectionId}>
      <h1>Chain</h1>
      <ChainFigures connectionId={connectionId} />
      <div className="chain-columns">
        <Growth connectionId={connectionId} />
        <Expiring connectionId={connectionId} />
      </div>
      <Leaderboard connectionId={connectionId} />
      <UserLookup connectionId={connectionId} />
    </section>
  );
}

function ChainFigures({ connectionId }: { connectionId: string }) {
  const { data, error, isPending } = useChainStats(connectionId);
  if (isPending) return <p className="muted">Loading chain figures…</p>;
  if (error) return <ErrorView title="Could not read the chain statistics" error={error} />;
  return (
    <dl className="kpis" aria-label="Chain figures">
      <div className="kpi">
        <dt>Users</dt>
        <dd>{formatCount(data.totalUsers)}</dd>
      </div>
      <div className="kpi">
        <dt>Active invitation tickets</dt>
        <dd>{formatCount(data.activeTickets)}</dd>
      </div>
      <div className="kpi">
        <dt>Max depth</dt>
        <dd>{formatCount(data.maxDepth)}</dd>
      </div>
      <div className="kpi">
        <dt>Average children per inviter</dt>
        <dd title={`${formatCount(data.inviters)} users have invited someone`}>
          {data.avgChildrenPerInviter === null ? '—' : formatDecimal(data.avgChildrenPerInviter)}
        </dd>
      </div>
    </dl>
  );
}

function Growth({ connectionId }: { connectionId: string }) {
  const { data, error } = useGrowth(connectionId);
  if (error) return <ErrorView title="Could not read growth" error={error} />;
  if (!data) return <p className="muted">Loading growth…</p>;
  return (
    <BarChart
      title="Growth: sign-ups per day (last 365 days)"
      valueLabel="new users"
      lineLabel="active users"
      data={data.days.map((d) => ({ label: d.day, value: Number(d.newUsers), line: Number(d.activeUsers) }))}
    />
  );
}

function Expiring({ connectionId }: { connectionId: string }) {
  const { data, error } = useExpiring(connectionId);
  if (error) return <ErrorView title="Could not read expiring invitations" error={error} />;
  if (!data) return <p className="muted">Loading…</p>;
  return (
    <section className="chain-expiring" aria-label="Expiring invitations">
      <h3>
        Invitation tickets expiring in the next 12 hours: <span data-testid="expiring-count">{formatCount(data.count)}</span>
      </h3>
      <ul>
        {data.tickets.map((t) => (
          <li key={t.id}>
            <span className="mono">{t.code}</span> · {t.ownerUsername} · expires {formatTime(t.expiresAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Leaderboard({ connectionId }: { connectionId: string }) {
  const { data, error } = useLeaderboard(connectionId);
  if (error) return <ErrorView title="Could not read the leaderboard" error={error} />;
  if (!data) return null;
  return (
    <>
      <h3>Leaderboard (as of the last refresh of mv_chain_leaderboard)</h3>
      <DataTable
        rows={data.rows}
        columns={leaderboardColumns}
        rowKey={(r) => r.userId}
        ariaLabel="Leaderboard"
        initialSort={{ id: 'rank', desc: false }}
      />
    </>
  );
}

type LeaderboardRow = OutputOf<'chain.leaderboard'>['rows'][number];

const leaderboardColumns: DataTableColumn<LeaderboardRow>[] = [
  { id: 'rank', header: 'Rank', numeric: true, value: (r) => r.rank, cell: (r) => formatCount(r.rank) },
  {
    id: 'user',
    header: 'User',
    value: (r) => r.username,
    cell: (r) => (
      <>
        {r.username}
        {r.displayName && <span className="muted small"> {r.displayName}</span>}
      </>
    ),
  },
  { id: 'country', header: 'Country', value: (r) => r.countryCode },
  { id: 'depth', header: 'Depth', numeric: true, value: (r) => r.depth, cell: (r) => formatCount(r.depth) },
  { id: 'children', header: 'Direct children', numeric: true, value: (r) => r.directChildren, cell: (r) => formatCount(r.directChildren) },
  {
    id: 'descendants',
    header: 'Descendants',
    numeric: true,
    value: (r) => r.totalDescendants,
    cell: (r) => formatCount(r.totalDescendants),
  },
  { id: 'badges', header: 'Badges', numeric: true, value: (r) => r.badgeCount, cell: (r) => formatCount(r.badgeCount) },
];
