import { z } from 'zod';
import { connectionId, int8String, isoTime, mutation, query } from './define';

/** Every outcome a scan can have; each one is also a row in ticketing.ticket_validations. */
export const validationOutcomes = [
  'ACCEPTED',
  'ALREADY_USED',
  'WRONG_EVENT',
  'CANCELLED',
  'REFUNDED',
  'NOT_FOUND',
  'INVALID_INPUT',
] as const;
export type ValidationOutcome = (typeof validationOutcomes)[number];

/** Ids are any 8-4-4-4-12 hex (the seed uses v4 and v7). */
export const uuid = z.guid();

export const gateEventSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  startTime: isoTime,
  venue: z.string(),
  city: z.string(),
});
export type GateEvent = z.infer<typeof gateEventSchema>;

/** What staff see for a ticket of THIS event; never shown for another event's ticket. */
export const scannedTicketSchema = z.object({
  id: z.string(),
  attendee: z.string(),
  section: z.string(),
  sectionType: z.string(),
  seat: z.object({ row: z.string(), number: z.string() }).nullable(),
  tier: z.string(),
  status: z.string(),
});
export type ScannedTicket = z.infer<typeof scannedTicketSchema>;

export const validateOutputSchema = z.object({
  outcome: z.enum(validationOutcomes),
  /** Present for ACCEPTED, ALREADY_USED, CANCELLED and REFUNDED (tickets of the scanned event). */
  ticket: scannedTicketSchema.optional(),
  /** ALREADY_USED: when and where the ticket was first accepted (gate null when not recorded). */
  firstScan: z.object({ at: isoTime, gate: z.string().nullable() }).optional(),
  /** INVALID_INPUT: why the input was refused. */
  reason: z.string().optional(),
  validatedAt: isoTime,
});
export type ValidateOutput = z.infer<typeof validateOutputSchema>;

const label = z.string().trim().min(1).max(100);

export const ticketsContract = {
  'tickets.listEvents': query(
    'Events for the gate picker: live and nearest in time first (Ticketz databases only)',
    z.object({ connectionId, search: z.string().max(200).optional(), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ events: z.array(gateEventSchema) }),
  ),
  'tickets.listGates': query(
    'Gate names already used at an event (most scans first), to pick from',
    z.object({ connectionId, eventId: uuid }),
    z.object({ gates: z.array(z.object({ gate: z.string(), scans: int8String })) }),
  ),
  'tickets.validate': mutation(
    'Scan a ticket at a gate: accepts it exactly once and records every attempt in ticket_validations',
    z.object({
      connectionId,
      eventId: uuid,
      /** A QR payload, a ticket link …/t/<hash>, or the 64-hex hash; anything else is INVALID_INPUT. */
      qrHash: z.string().max(4096),
      gate: label,
      staff: label,
    }),
    validateOutputSchema,
    { writes: true },
  ),
};
