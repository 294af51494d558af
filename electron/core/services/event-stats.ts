import type { EventStats, eventStatsContract } from '../../../shared/contract/event-stats';
import { RpcError } from '../../../shared/rpc/rpc-error';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';
import checkinsSql from '../sql/event-stats/checkins.sql?raw';
import eventSql from '../sql/event-stats/event.sql?raw';
import gatesSql from '../sql/event-stats/gates.sql?raw';
import listSql from '../sql/event-stats/list.sql?raw';
import salesSql from '../sql/event-stats/sales-by-day.sql?raw';
import seatMapSql from '../sql/event-stats/seat-map.sql?raw';
import sectionSql from '../sql/event-stats/section.sql?raw';
import sectionsSql from '../sql/event-stats/sections.sql?raw';
import { quoteQualified } from '../../../shared/domain/quote-ident';
import { containsPattern, onTicketzSchema } from '../ticketz/schema-errors';
import { preparedName } from '../db/pooler';
import { REFRESH_ACTION } from './matviews';

const noEvent = (id: string) => new RpcError('NOT_FOUND', `No event with id ${id} in this database (it may have been deleted).`);

/** Organizer statistics: reads only; the per-event queries run side by side on the pool. */
export function eventStatsHandlers(deps: CoreDeps): HandlersFor<typeof eventStatsContract> {
  return {
    'events.list': async ({ connectionId, search, status, when, limit }) => {
      const pool = await deps.pools.get(connectionId);
      const { rows } = await onTicketzSchema(pool, 'ticketing', () =>
        pool.query<ListRow>(listSql, [search ? containsPattern(search) : null, status ?? null, when, limit + 1]),
      );
      return {
        truncated: rows.length > limit,
        events: rows.slice(0, limit).map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          startTime: r.start_time.toISOString(),
          venue: r.venue,
          city: r.city,
          organization: r.organization,
          ticketsSold: r.tickets_sold,
          checkedIn: r.checked_in,
          grossRevenue: r.gross_revenue,
          currency: r.currency,
        })),
      };
    },

    'events.stats': async ({ connectionId, eventId }) => {
      const pool = await deps.pools.get(connectionId);
      return onTicketzSchema(pool, 'ticketing', async () => {
        const [event, sections, sales, checkins, gates, refreshed] = await Promise.all([
          pool.query<EventRow>(eventSql, [eventId]),
          pool.query<SectionRow>(sectionsSql, [eventId]),
          pool.query<{ day: string; orders: string; tickets: string; revenue: string }>(salesSql, [eventId]),
          pool.query<{ bucket_seconds: number; at: Date; count: string }>(checkinsSql, [eventId]),
          pool.query<GateRow>(gatesSql, [eventId]),
          // The view has no refresh time of its own; the console's audit log knows its own refreshes.
          deps.audit.lastSucceeded(connectionId, REFRESH_ACTION).catch(() => new Map<string, { at: string }>()),
        ]);
        const e = event.rows[0];
        if (!e) throw noEvent(eventId);
        const stats: EventStats = {
          event: {
            id: e.id,
            title: e.title,
            status: e.status,
            startTime: e.start_time.toISOString(),
            endTime: e.end_time?.toISOString() ?? null,
            venue: e.venue,
            city: e.city,
            organization: e.organization,
          },
          totals: e.has_stats
            ? {
                totalOrders: e.total_orders!,
                ticketsSold: e.tickets_sold!,
                checkedIn: e.checked_in,
                grossRevenue: e.gross_revenue!,
                platformFees: e.platform_fees!,
                netRevenue: e.net_revenue!,
                refundedAmount: e.refunded_amount!,
              }
            : null,
          currency: e.currency,
          statsRefreshedAt: refreshed.get(quoteQualified('ticketing', 'event_stats'))?.at ?? null,
          sections: sections.rows.map((s) => ({
            sectionId: s.section_id,
            name: s.section_name,
            type: s.section_type,
            isActive: s.is_active,
            capacity: s.capacity,
            sold: s.tickets_sold,
            available: s.available,
          })),
          salesByDay: sales.rows,
          checkins: {
            bucketSeconds: checkins.rows[0]?.bucket_seconds ?? 60,
            buckets: checkins.rows.map((c) => ({ at: c.at.toISOString(), count: c.count })),
          },
          gates: gates.rows.map((g) => ({
            gate: g.gate,
            accepted: g.accepted,
            refused: g.refused,
            firstAt: g.first_at.toISOString(),
            lastAt: g.last_at.toISOString(),
            perMinute: g.per_minute,
          })),
          loadedAt: new Date().toISOString(),
        };
        return stats;
      });
    },

    'events.seatMap': async ({ connectionId, eventId, sectionId }) => {
      const pool = await deps.pools.get(connectionId);
      return onTicketzSchema(pool, 'ticketing', async () => {
        const [section, seats] = await Promise.all([
          pool.query<{ id: string; name: string; type: string }>(sectionSql, [eventId, sectionId]),
          pool.query<SeatRow>({ name: preparedName(pool, 'ticketz.events.seat-map'), text: seatMapSql, values: [eventId, sectionId] }),
        ]);
        const s = section.rows[0];
        if (!s) throw new RpcError('NOT_FOUND', 'That section is not part of this event’s venue (or no longer exists).');
        return {
          section: s,
          seats: seats.rows.map((r) => ({
            id: r.id,
            row: r.row_label,
            number: r.number_label,
            x: r.x,
            y: r.y,
            accessible: r.is_accessible,
            available: r.available,
          })),
          availableCount: seats.rows.filter((r) => r.available).length,
        };
      });
    },
  };
}

interface ListRow {
  id: string;
  title: string;
  status: string;
  start_time: Date;
  venue: string;
  city: string;
  organization: string;
  tickets_sold: string | null;
  checked_in: string;
  gross_revenue: string | null;
  currency: string | null;
}

interface EventRow {
  id: string;
  title: string;
  status: string;
  start_time: Date;
  end_time: Date | null;
  venue: string;
  city: string;
  organization: string;
  has_stats: boolean;
  total_orders: string | null;
  tickets_sold: string | null;
  checked_in: string;
  gross_revenue: string | null;
  platform_fees: string | null;
  net_revenue: string | null;
  refunded_amount: string | null;
  currency: string | null;
}

interface SectionRow {
  section_id: string;
  section_name: string;
  section_type: string;
  is_active: boolean;
  capacity: number;
  tickets_sold: string;
  available: string;
}

interface GateRow {
  gate: string;
  accepted: string;
  refused: string;
  first_at: Date;
  last_at: Date;
  per_minute: number;
}

interface SeatRow {
  id: string;
  row_label: string;
  number_label: string;
  x: number;
  y: number;
  is_accessible: boolean;
  available: boolean;
}
