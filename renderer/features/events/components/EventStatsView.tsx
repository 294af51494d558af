import { useState } from 'react';
import type { EventStats } from '../../../../shared/contract/event-stats';
import { BarChart } from '../../../components/charts/BarChart';
import { ErrorView } from '../../../components/ErrorView';
import { DataTable, type DataTableColumn } from '../../../components/table/DataTable';
import { formatCount, formatDate, formatDateTime, formatDecimal, formatMoney, formatTime } from '../../../../shared/domain/format';
import { useEventStats } from '../api/event-stats';
import { OfflineBadge } from './OfflineBadge';
import { SeatMapView } from './SeatMapView';

const bucketLabel = (iso: string, seconds: number) =>
  seconds >= 86_400 ? formatDate(iso) : new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** One event for organizers; when the database is unreachable, the copy saved at the last load. */
export function EventStatsView({ connectionId, eventId }: { connectionId: string; eventId: string }) {
  const stats = useEventStats(connectionId, eventId);
  const [seatSection, setSeatSection] = useState<string | undefined>();
  if (stats.isPending) return <p className="muted">Loading statistics…</p>;
  if (!stats.data) return <ErrorView title="Could not load the statistics" error={stats.error} />;
  const s = stats.data;
  const offline = stats.isError;
  return (
    <article className="event-stats" aria-label="Event statistics">
      <header>
        <h2>{s.event.title}</h2>
        <p className="muted">
          {formatDateTime(s.event.startTime)} · {s.event.venue}, {s.event.city} · {s.event.organization} ·{' '}
          <span className={`status status-${s.event.status}`}>{s.event.status}</span>
        </p>
        {offline && (
          <OfflineBadge
            updatedAt={stats.dataUpdatedAt}
            reason={`the database cannot be reached (${stats.error.message}); retrying every 10 s`}
          />
        )}
      </header>
      <Totals stats={s} />
      <h3>Sections — sold vs capacity</h3>
      <table className="data-table" aria-label="Sections">
        <thead>
          <tr>
            <th>Section</th>
            <th>Type</th>
            <th className="num">Sold</th>
            <th className="num">Capacity</th>
            <th className="num">Available</th>
            <th>Fill</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.sections.map((sec) => {
            const pct = sec.capacity > 0 ? Math.min(100, (Number(sec.sold) / sec.capacity) * 100) : 0;
            return (
              <tr key={sec.sectionId} className={sec.isActive ? undefined : 'events-inactive'}>
                <td>
                  {sec.name}
                  {!sec.isActive && <span className="muted small"> (closed for this event)</span>}
                </td>
                <td>{sec.type}</td>
                <td className="num">{sec.sold}</td>
                <td className="num">{sec.capacity}</td>
                <td className="num">{sec.available}</td>
                <td>
                  <span className="events-fill-bar" title={`${pct.toFixed(1)} %`}>
                    <span style={{ width: `${pct}%` }} />
                  </span>
                </td>
                <td>
                  {sec.type === 'NUMBERED' && sec.isActive && (
                    <button onClick={() => setSeatSection(sec.sectionId === seatSection ? undefined : sec.sectionId)} disabled={offline}>
                      {sec.sectionId === seatSection ? 'Hide seats' : 'Seat map'}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {seatSection && !offline && <SeatMapView connectionId={connectionId} eventId={eventId} sectionId={seatSection} />}
      <div className="chart-grid">
        <BarChart
          title="Sales per day"
          valueLabel="tickets"
          lineLabel="revenue"
          data={s.salesByDay.map((d) => ({ label: d.day, value: Number(d.tickets), line: Number(d.revenue) }))}
        />
        <BarChart
          title={`Check-ins per ${s.checkins.bucketSeconds >= 3600 ? `${s.checkins.bucketSeconds / 3600} h` : `${s.checkins.bucketSeconds / 60} min`}`}
          valueLabel="accepted scans"
          data={s.checkins.buckets.map((b) => ({ label: bucketLabel(b.at, s.checkins.bucketSeconds), value: Number(b.count) }))}
        />
      </div>
      <h3>Gate throughput</h3>
      {s.gates.length === 0 ? (
        <p className="muted">No scans yet.</p>
      ) : (
        <DataTable rows={s.gates} columns={gateColumns} rowKey={(g) => g.gate} ariaLabel="Gates" hideCopy />
      )}
    </article>
  );
}

function Totals({ stats: s }: { stats: EventStats }) {
  const capacity = s.sections.filter((x) => x.isActive).reduce((n, x) => n + x.capacity, 0);
  if (!s.totals)
    return <p className="muted">No figures in event_stats for this event yet: refresh the materialized view ticketing.event_stats.</p>;
  const t = s.totals;
  const money = (amount: string) => formatMoney(amount, s.currency);
  const tiles: [string, string][] = [
    ['Tickets sold', `${formatCount(t.ticketsSold)} / ${formatCount(capacity)}`],
    ['Checked in (live)', formatCount(t.checkedIn)],
    ['Paid orders', formatCount(t.totalOrders)],
    ['Gross revenue', money(t.grossRevenue)],
    ['Platform fees', money(t.platformFees)],
    ['Net revenue', money(t.netRevenue)],
    ['Refunded', money(t.refundedAmount)],
  ];
  return (
    <>
      <dl className="kpis" aria-label="Totals">
        {tiles.map(([label, value]) => (
          <div key={label} className="kpi">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small" data-testid="stats-as-of">
        Checked in is live, like the chart below. Sales and revenue come from the materialized view ticketing.event_stats
        {s.statsRefreshedAt
          ? `, last refreshed from this console ${formatDateTime(s.statsRefreshedAt)}`
          : ', as of its last refresh (not refreshed from this console yet; Materialized views refreshes it)'}
        .
      </p>
    </>
  );
}

const time = (iso: string) => formatTime(iso);

const gateColumns: DataTableColumn<EventStats['gates'][number]>[] = [
  { id: 'gate', header: 'Gate', value: (g) => g.gate },
  { id: 'accepted', header: 'Accepted', numeric: true, value: (g) => g.accepted, cell: (g) => formatCount(g.accepted) },
  { id: 'refused', header: 'Refused', numeric: true, value: (g) => g.refused, cell: (g) => formatCount(g.refused) },
  { id: 'rate', header: 'Accepted / min', numeric: true, value: (g) => g.perMinute, cell: (g) => formatDecimal(g.perMinute) },
  { id: 'first', header: 'First scan', value: (g) => g.firstAt, cell: (g) => time(g.firstAt) },
  { id: 'last', header: 'Last scan', value: (g) => g.lastAt, cell: (g) => time(g.lastAt) },
];
