import { createHash } from 'node:crypto';
import type { OrderDetail, OrderSearchKind, OrderSummary, ordersContract } from '../../../shared/contract/orders';
import type { ValidationOutcome } from '../../../shared/contract/tickets';
import { parseQrInput } from '../../../shared/domain/qr-input';
import { RpcError } from '../../../shared/rpc/rpc-error';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';
import getSql from '../sql/orders/get.sql?raw';
import byEmailSql from '../sql/orders/search-by-email.sql?raw';
import byNameSql from '../sql/orders/search-by-name.sql?raw';
import byOrderIdSql from '../sql/orders/search-by-order-id.sql?raw';
import byTicketSql from '../sql/orders/search-by-ticket.sql?raw';
import searchSql from '../sql/orders/search.sql?raw';
import ticketsSql from '../sql/orders/tickets.sql?raw';
import validationsSql from '../sql/orders/validations.sql?raw';
import { withCte } from '../sql/with-cte';
import { containsPattern, onTicketzSchema } from '../ticketz/schema-errors';

type Kind = Exclude<OrderSearchKind, 'auto'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_PREFIX = /^[0-9a-f-]{4,36}$/i;

/**
 * What `auto` reads the text as: an email (has @), a QR hash / ticket link / QR payload, a full
 * uuid (order id, else ticket id), a hex prefix with a digit, 6+ characters (order id prefix),
 * otherwise part of a customer name.
 */
export function detectKind(q: string): Kind {
  if (q.includes('@')) return 'email';
  if (parseQrInput(q).kind !== 'invalid') return 'qrHash';
  if (UUID.test(q)) return 'orderId';
  if (ID_PREFIX.test(q) && q.length >= 6 && /\d/.test(q)) return 'orderId';
  return 'name';
}

interface SummaryRow {
  id: string;
  status: string;
  created_at: Date;
  paid_at: Date | null;
  total_amount: string;
  currency: string;
  customer_name: string;
  email: string;
  event_title: string;
  event_start: Date;
  ticket_count: string;
  cursor_micros: string;
}

/** One page of summaries (search.sql) over each way of matching orders. */
const SEARCH = {
  email: withCte(searchSql, 'matched', byEmailSql),
  name: withCte(searchSql, 'matched', byNameSql),
  orderId: withCte(searchSql, 'matched', byOrderIdSql),
  ticket: withCte(searchSql, 'matched', byTicketSql),
};

const CURSOR = /^(\d{1,20})_([0-9a-f-]{36})$/i;

function parseCursor(after: string | undefined): [string | null, string | null] {
  if (!after) return [null, null];
  const m = CURSOR.exec(after);
  if (!m) throw new RpcError('BAD_REQUEST', 'That page cursor is not valid: start the search again.');
  return [m[1]!, m[2]!];
}

const toSummary = (r: SummaryRow): OrderSummary => ({
  id: r.id,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  paidAt: r.paid_at?.toISOString() ?? null,
  totalAmount: r.total_amount,
  currency: r.currency,
  customerName: r.customer_name,
  email: r.email,
  eventTitle: r.event_title,
  eventStart: r.event_start.toISOString(),
  ticketCount: r.ticket_count,
});

/** The SQL and first parameter of one search kind, or why the text cannot be searched that way. */
function searchFor(kind: Kind, q: string): { sql: string; params: [unknown, ...unknown[]] } {
  switch (kind) {
    case 'email':
      return { sql: SEARCH.email, params: [q] };
    case 'name':
      if (q.length < 2) throw new RpcError('BAD_REQUEST', 'Type at least 2 characters of the customer’s name.');
      return { sql: SEARCH.name, params: [containsPattern(q)] };
    case 'orderId':
      if (!ID_PREFIX.test(q)) throw new RpcError('BAD_REQUEST', 'An order id is hexadecimal digits and dashes, at least 4 of them.');
      return { sql: SEARCH.orderId, params: [`${q.toLowerCase()}%`] };
    case 'ticketId':
      if (!UUID.test(q)) throw new RpcError('BAD_REQUEST', 'A ticket id is a full uuid (36 characters).');
      return { sql: SEARCH.ticket, params: [q] };
    case 'qrHash': {
      const parsed = parseQrInput(q);
      if (parsed.kind === 'invalid') throw new RpcError('BAD_REQUEST', `Not a QR code, ticket link or hash: ${parsed.reason}.`);
      const hash = parsed.kind === 'hash' ? parsed.hash : createHash('sha256').update(parsed.payload, 'utf8').digest('hex');
      return { sql: SEARCH.ticket, params: [null, hash] };
    }
  }
}

/** Support lookup: read-only (works on a read-only connection and a SELECT-only role). */
export function ordersHandlers(deps: CoreDeps): HandlersFor<typeof ordersContract> {
  return {
    'orders.search': async ({ connectionId, q, kind: asked, after, limit }) => {
      const pool = await deps.pools.get(connectionId);
      const [micros, lastId] = parseCursor(after);
      const run = async (kind: Kind) => {
        const { sql, params } = searchFor(kind, q);
        const [first, fifth = null] = params;
        const values = [first, micros, lastId, limit + 1];
        if (sql === SEARCH.ticket) values.push(fifth);
        const { rows } = await pool.query<SummaryRow>(sql, values);
        return rows;
      };
      return onTicketzSchema(pool, 'ticketing', async () => {
        let kind: Kind = asked === 'auto' ? detectKind(q) : asked;
        let rows = await run(kind);
        // A full uuid in `auto` is an order id or a ticket id: try the ticket when no order has it.
        if (rows.length === 0 && asked === 'auto' && kind === 'orderId' && UUID.test(q) && !after) {
          kind = 'ticketId';
          rows = await run(kind);
        }
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return {
          kind,
          orders: page.map(toSummary),
          nextCursor: rows.length > limit && last ? `${last.cursor_micros}_${last.id}` : null,
        };
      });
    },

    'orders.get': async ({ connectionId, orderId }) => {
      const pool = await deps.pools.get(connectionId);
      return onTicketzSchema(pool, 'ticketing', async () => {
        const [order, tickets, validations] = await Promise.all([
          pool.query<Omit<SummaryRow, 'cursor_micros'> & OrderExtraRow>(getSql, [orderId]),
          pool.query<TicketRow>(ticketsSql, [orderId]),
          pool.query<ValidationRow>(validationsSql, [orderId]),
        ]);
        const o = order.rows[0];
        if (!o) throw new RpcError('NOT_FOUND', `No order with id ${orderId} in this database.`);
        const history = new Map<string, OrderDetail['tickets'][number]['validations']>();
        for (const v of validations.rows) {
          const list = history.get(v.ticket_id) ?? [];
          list.push({ at: v.validated_at.toISOString(), gate: v.gate, staff: v.staff, outcome: v.outcome, eventTitle: v.event_title });
          history.set(v.ticket_id, list);
        }
        return {
          order: {
            ...toSummary({ ...o, cursor_micros: '0' }),
            platformFee: o.platform_fee,
            netAmount: o.net_amount,
            paymentIntentId: o.payment_intent_id,
            customerId: o.customer_id,
            phone: o.phone,
            eventId: o.event_id,
            venue: o.venue,
          },
          tickets: tickets.rows.map((t) => ({
            id: t.id,
            qrHash: t.qr_code_hash,
            section: t.section,
            seat: t.row_label !== null && t.number_label !== null ? { row: t.row_label, number: t.number_label } : null,
            tier: t.tier,
            price: t.price,
            status: t.status,
            scannedAt: t.scanned_at?.toISOString() ?? null,
            validations: history.get(t.id) ?? [],
          })),
        };
      });
    },
  };
}

interface OrderExtraRow {
  platform_fee: string;
  net_amount: string;
  payment_intent_id: string | null;
  customer_id: string;
  phone: string | null;
  event_id: string;
  venue: string;
}

interface TicketRow {
  id: string;
  qr_code_hash: string;
  section: string;
  row_label: string | null;
  number_label: string | null;
  tier: string;
  price: string;
  status: string;
  scanned_at: Date | null;
}

interface ValidationRow {
  ticket_id: string;
  validated_at: Date;
  gate: string;
  staff: string;
  outcome: ValidationOutcome;
  event_title: string;
}
