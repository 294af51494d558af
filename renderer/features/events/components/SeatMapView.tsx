import { ErrorView } from '../../../components/ErrorView';
import { useSeatMap } from '../api/seat-map';

const SEAT = 1; // seat size in map units (positions are in the seed's ~1.1-unit grid)

/** Seats of a numbered section drawn at their positions: available, sold, accessible. */
export function SeatMapView({ connectionId, eventId, sectionId }: { connectionId: string; eventId: string; sectionId: string }) {
  const { data, error, isPending } = useSeatMap(connectionId, eventId, sectionId);
  if (isPending) return <p className="muted">Loading seats…</p>;
  if (error) return <ErrorView title="Could not load the seat map" error={error} />;
  if (data.seats.length === 0) return <p className="muted">This section has no seats on record.</p>;
  const xs = data.seats.map((s) => s.x);
  const ys = data.seats.map((s) => s.y);
  const minX = Math.min(...xs) - SEAT;
  const minY = Math.min(...ys) - SEAT;
  const width = Math.max(...xs) - minX + SEAT * 2;
  const height = Math.max(...ys) - minY + SEAT * 2;
  return (
    <figure className="events-seat-map" aria-label={`Seat map of ${data.section.name}`}>
      <figcaption>
        {data.section.name}: <strong>{data.availableCount}</strong> of {data.seats.length} seats available
        <span className="legend">
          <i className="events-seat-free" /> available <i className="events-seat-sold" /> sold <i className="events-seat-accessible" />{' '}
          accessible
        </span>
      </figcaption>
      <svg viewBox={`${minX} ${minY} ${width} ${height}`} role="img" aria-label={`${data.availableCount} seats available`}>
        {data.seats.map((s) => (
          <rect
            key={s.id}
            x={s.x - SEAT * 0.45}
            y={s.y - SEAT * 0.45}
            width={SEAT * 0.9}
            height={SEAT * 0.9}
            rx={0.2}
            className={`${s.available ? 'events-seat-free' : 'events-seat-sold'}${s.accessible ? ' events-seat-accessible' : ''}`}
          >
            <title>{`Row ${s.row}, seat ${s.number}: ${s.available ? 'available' : 'sold'}${s.accessible ? ' (accessible)' : ''}`}</title>
          </rect>
        ))}
      </svg>
    </figure>
  );
}
