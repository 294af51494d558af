import { z } from 'zod';
import { connectionId, int8String, isoTime, query } from './define';
import { uuid, validationOutcomes } from './tickets';

/** How the search text was read; `auto` picks from its shape (see orders.search). */
export const orderSearchKinds = ['auto', 'email', 'name', 'orderId', 'ticketId', 'qrHash'] as const;
export type OrderSearchKind = (typeof orderSearchKinds)[number];

export const orderSummarySchema = z.object({
  id: z.string(),
  status: z.string(),
  createdAt: isoTime,
  paidAt: isoTime.nullable(),
  totalAmount: z.string(),
  currency: z.string(),
  customerName: z.string(),
  email: z.string(),
  eventTitle: z.string(),
  eventStart: isoTime,
  ticketCount: int8String,
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const validationEntrySchema = z.object({
  at: isoTime,
  gate: z.string(),
  staff: z.string(),
  outcome: z.enum(validationOutcomes),
  /** The event whose gate scanned it (differs from the ticket's for WRONG_EVENT). */
  eventTitle: z.string(),
});

export const orderTicketSchema = z.object({
  id: z.string(),
  qrHash: z.string(),
  section: z.string(),
  seat: z.object({ row: z.string(), number: z.string() }).nullable(),
  tier: z.string(),
  price: z.string(),
  status: z.string(),
  scannedAt: isoTime.nullable(),
  /** Newest first, at most 50 per ticket. */
  validations: z.array(validationEntrySchema),
});
export type OrderTicket = z.infer<typeof orderTicketSchema>;

export const orderDetailSchema = z.object({
  order: orderSummarySchema.extend({
    platformFee: z.string(),
    netAmount: z.string(),
    paymentIntentId: z.string().nullable(),
    customerId: z.string(),
    phone: z.string().nullable(),
    eventId: z.string(),
    venue: z.string(),
  }),
  tickets: z.array(orderTicketSchema),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

export const ordersContract = {
  'orders.search': query(
    'Support lookup: orders by customer email, name, order id prefix, ticket id or QR hash; newest first, keyset-paginated',
    z.object({
      connectionId,
      q: z.string().trim().min(1).max(320),
      kind: z.enum(orderSearchKinds).default('auto'),
      /** The `nextCursor` of the previous page. */
      after: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({
      kind: z.enum(orderSearchKinds).exclude(['auto']),
      orders: z.array(orderSummarySchema),
      nextCursor: z.string().nullable(),
    }),
  ),
  'orders.get': query(
    'One order with its customer, event, tickets and each ticket’s gate scan history',
    z.object({ connectionId, orderId: uuid }),
    orderDetailSchema,
  ),
};
