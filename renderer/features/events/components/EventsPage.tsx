import { ReplicaLag } from '../../../components/ReplicaLag';
import { useState } from 'react';
import { eventStatuses, eventWhen } from '../../../../shared/contract/event-stats';
import { formatCount, formatDateTime, formatMoney } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { Field } from '../../../components/Field';
import { NoConnection } from '../../../components/NoConnection';
import { navigate, useRoute } from '../../../lib/hash-route';
import { useSession } from '../../../lib/session-store';
import { useEventList, type EventFilters } from '../api/list-events';
import { EventStatsView } from './EventStatsView';
import { OfflineBadge } from './OfflineBadge';
import './events.css';

const whenLabels: Record<(typeof eventWhen)[number], string> = {
  all: 'Any time',
  today: 'Now (±12 h)',
  upcoming: 'Upcoming',
  past: 'Past',
};

/** Organizers: a filtered event list; the chosen event's statistics (kept for offline use). */
export function EventsPage() {
  const connectionId = useSession((s) => s.activeConnectionId);
  const path = useRoute();
  const eventId = /^\/events\/([0-9a-f-]{36})$/i.exec(path)?.[1];
  if (!connectionId) return <NoConnection title="Events" />;
  return (
    <section className="page events-page">
      <h1>Events</h1>
      <ReplicaLag connectionId={connectionId} />
      <div className="events-layout">
        <EventList connectionId={connectionId} selected={eventId} />
        <div className="events-main">
          {eventId ? (
            <EventStatsView key={eventId} connectionId={connectionId} eventId={eventId} />
          ) : (
            <p className="muted">Choose an event to see its sales, check-ins and seats.</p>
          )}
        </div>
      </div>
    </section>
  );
}

function EventList({ connectionId, selected }: { connectionId: string; selected: string | undefined }) {
  const [filters, setFilters] = useState<EventFilters>({ when: 'all' });
  const [search, setSearch] = useState('');
  const list = useEventList(connectionId, filters);
  const offline = list.isError && list.data !== undefined;
  return (
    <aside className="event-list" aria-label="Event list">
      <form
        className="event-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters((f) => ({ ...f, search: search.trim() || undefined }));
        }}
      >
        <Field label="Search events">
          <input value={search} placeholder="title, venue, city, organizer" onChange={(e) => setSearch(e.target.value)} />
        </Field>
        <Field label="Status">
          <select
            value={filters.status ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, status: (e.target.value || undefined) as EventFilters['status'] }))}
          >
            <option value="">Any status</option>
            {eventStatuses.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <Field label="When">
          <select value={filters.when} onChange={(e) => setFilters((f) => ({ ...f, when: e.target.value as EventFilters['when'] }))}>
            {eventWhen.map((w) => (
              <option key={w} value={w}>
                {whenLabels[w]}
              </option>
            ))}
          </select>
        </Field>
      </form>
      {offline && <OfflineBadge updatedAt={list.dataUpdatedAt} />}
      {list.error && !list.data && <ErrorView title="Could not load events" error={list.error} />}
      {list.isPending && <p className="muted">Loading…</p>}
      <ul>
        {list.data?.events.map((e) => (
          <li key={e.id}>
            <a
              href={`#/events/${e.id}`}
              aria-current={e.id === selected ? 'page' : undefined}
              onClick={(ev) => {
                ev.preventDefault();
                navigate(`/events/${e.id}`);
              }}
            >
              <strong>{e.title}</strong>
              <span className="muted small">
                {formatDateTime(e.startTime)} · {e.venue}, {e.city} · <span className={`status status-${e.status}`}>{e.status}</span>
              </span>
              {e.ticketsSold !== null && (
                <span className="small">
                  {formatCount(e.ticketsSold)} sold · {formatCount(e.checkedIn)} checked in ·{' '}
                  {e.grossRevenue === null ? '—' : formatMoney(e.grossRevenue, e.currency)} gross
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
      {list.data?.truncated && <p className="muted small">More events match: narrow the search.</p>}
      {list.data?.events.length === 0 && <p className="muted">No events match.</p>}
    </aside>
  );
}
