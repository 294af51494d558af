import type { OrderTicket } from '../../../../shared/contract/orders';
import { formatDateTime, formatMoney } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { useOrder } from '../api/get-order';

const when = (iso: string | null) => formatDateTime(iso);

/** One order for support: customer, event, money, and every ticket with its gate scans. */
export function OrderDetailView({ connectionId, orderId, onClose }: { connectionId: string; orderId: string; onClose: () => void }) {
  const { data, error, isPending } = useOrder(connectionId, orderId);
  return (
    <article className="order-detail" aria-label="Order detail">
      <header className="page-header">
        <h2>
          Order <span className="mono">{orderId}</span>
        </h2>
        <button onClick={onClose}>Close</button>
      </header>
      {isPending && <p className="muted">Loading…</p>}
      {error && <ErrorView title="Could not load the order" error={error} />}
      {data && (
        <>
          <dl className="order-facts">
            <dt>Customer</dt>
            <dd>
              {data.order.customerName} · {data.order.email}
              {data.order.phone ? ` · ${data.order.phone}` : ''}
            </dd>
            <dt>Event</dt>
            <dd>
              {data.order.eventTitle} · {when(data.order.eventStart)} · {data.order.venue}
            </dd>
            <dt>Status</dt>
            <dd>
              <span className={`status status-${data.order.status}`}>{data.order.status}</span> · created {when(data.order.createdAt)} ·
              paid {when(data.order.paidAt)}
            </dd>
            <dt>Amount</dt>
            <dd>
              {formatMoney(data.order.totalAmount, data.order.currency)} (fee {formatMoney(data.order.platformFee, data.order.currency)},
              net {formatMoney(data.order.netAmount, data.order.currency)})
              {data.order.paymentIntentId ? ` · payment ${data.order.paymentIntentId}` : ''}
            </dd>
          </dl>
          <h3>Tickets ({data.tickets.length})</h3>
          {data.tickets.map((t) => (
            <TicketCard key={t.id} ticket={t} />
          ))}
        </>
      )}
    </article>
  );
}

function TicketCard({ ticket: t }: { ticket: OrderTicket }) {
  return (
    <section className="orders-ticket-card" aria-label={`Ticket ${t.id}`}>
      <div className="orders-ticket-head">
        <strong>{t.section}</strong>
        <span>{t.seat ? `Row ${t.seat.row}, seat ${t.seat.number}` : 'General admission'}</span>
        <span>{t.tier}</span>
        <span>{t.price}</span>
        <span className={`status status-${t.status}`}>{t.status}</span>
        <span className="muted">scanned {when(t.scannedAt)}</span>
        <span className="mono muted small" title="QR code hash">
          {t.qrHash.slice(0, 16)}…
        </span>
      </div>
      {t.validations.length === 0 ? (
        <p className="muted small">Never scanned at a gate.</p>
      ) : (
        <table className="data-table compact" aria-label="Scan history">
          <thead>
            <tr>
              <th>When</th>
              <th>Outcome</th>
              <th>Gate</th>
              <th>Staff</th>
              <th>At the gate of</th>
            </tr>
          </thead>
          <tbody>
            {t.validations.map((v, i) => (
              <tr key={`${v.at}-${i}`}>
                <td>{when(v.at)}</td>
                <td>
                  <span className={`status status-${v.outcome}`}>{v.outcome}</span>
                </td>
                <td>{v.gate}</td>
                <td>{v.staff}</td>
                <td>{v.eventTitle}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
