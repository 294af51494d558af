import { z } from 'zod';
import { connectionId, int8String, isoTime, query } from './define';
import { uuid } from './tickets';

/** Named event-stats.ts: events.ts is the server event bus. */
export const eventStatuses = ['DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED'] as const;
export const eventWhen = ['all', 'upcoming', 'past', 'today'] as const;

export const eventListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  startTime: isoTime,
  venue: z.string(),
  city: z.string(),
  organization: z.string(),
  /** From the event_stats materialized view (as of its last refresh); null when the view has no row yet. */
  ticketsSold: int8String.nullable(),
  /** Live: tickets of the event in status USED (agrees with the check-in chart). */
  checkedIn: int8String,
  grossRevenue: z.string().nullable(),
  /** ISO 4217 code of the event's PAID orders; null when there are none or they mix currencies. */
  currency: z.string().nullable(),
});
export type EventListItem = z.infer<typeof eventListItemSchema>;

export const sectionStatSchema = z.object({
  sectionId: z.string(),
  name: z.string(),
  type: z.string(),
  isActive: z.boolean(),
  capacity: z.number().int(),
  sold: int8String,
  available: int8String,
});

export const eventStatsSchema = z.object({
  event: z.object({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    startTime: isoTime,
    endTime: isoTime.nullable(),
    venue: z.string(),
    city: z.string(),
    organization: z.string(),
  }),
  /**
   * event_stats (materialized, as of its last refresh): null when the view has no row for this event
   * yet. Except checkedIn, which is read live so it agrees with the check-in chart.
   */
  totals: z
    .object({
      totalOrders: int8String,
      ticketsSold: int8String,
      checkedIn: int8String,
      grossRevenue: z.string(),
      platformFees: z.string(),
      netRevenue: z.string(),
      refundedAmount: z.string(),
    })
    .nullable(),
  /** ISO 4217 code of the event's PAID orders; null when there are none or they mix currencies. */
  currency: z.string().nullable(),
  /** When this console last refreshed event_stats successfully (from the audit log); null when unknown. */
  statsRefreshedAt: isoTime.nullable(),
  /** section_availability (materialized), every section of the venue. */
  sections: z.array(sectionStatSchema),
  /** Tickets and revenue of PAID orders per day of purchase. */
  salesByDay: z.array(z.object({ day: z.string(), orders: int8String, tickets: int8String, revenue: z.string() })),
  /** Accepted scans per time bucket (live, from ticket_validations). */
  checkins: z.object({ bucketSeconds: z.number().int(), buckets: z.array(z.object({ at: isoTime, count: int8String })) }),
  /** Per gate: accepted and refused scans, first and last scan, accepted scans per minute over its active span. */
  gates: z.array(
    z.object({
      gate: z.string(),
      accepted: int8String,
      refused: int8String,
      firstAt: isoTime,
      lastAt: isoTime,
      perMinute: z.number(),
    }),
  ),
  /** When the server answered; the renderer shows it as "as of" when offline. */
  loadedAt: isoTime,
});
export type EventStats = z.infer<typeof eventStatsSchema>;

export const seatSchema = z.object({
  id: z.string(),
  row: z.string(),
  number: z.string(),
  x: z.number(),
  y: z.number(),
  accessible: z.boolean(),
  available: z.boolean(),
});
export type Seat = z.infer<typeof seatSchema>;

export const eventStatsContract = {
  'events.list': query(
    'Events with venue, organization and sales figures; filter by text, status and time',
    z.object({
      connectionId,
      search: z.string().trim().max(200).optional(),
      status: z.enum(eventStatuses).optional(),
      when: z.enum(eventWhen).default('all'),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.object({ events: z.array(eventListItemSchema), truncated: z.boolean() }),
  ),
  'events.stats': query(
    'One event for organizers: sold vs capacity per section, revenue, sales and check-ins over time, gate throughput',
    z.object({ connectionId, eventId: uuid }),
    eventStatsSchema,
  ),
  'events.seatMap': query(
    'Seats of a numbered section with their availability for an event (live, not materialized)',
    z.object({ connectionId, eventId: uuid, sectionId: uuid }),
    z.object({
      section: z.object({ id: z.string(), name: z.string(), type: z.string() }),
      seats: z.array(seatSchema),
      availableCount: z.number().int(),
    }),
  ),
};
