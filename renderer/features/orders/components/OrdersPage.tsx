import { useState } from 'react';
import { orderSearchKinds, type OrderSearchKind } from '../../../../shared/contract/orders';
import { formatCount, formatDateTime, formatMoney } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { Field } from '../../../components/Field';
import { NoConnection } from '../../../components/NoConnection';
import { navigate, useRoute } from '../../../lib/hash-route';
import { useSession } from '../../../lib/session-store';
import { useSearchOrders } from '../api/search-orders';
import { OrderDetailView } from './OrderDetailView';
import './orders.css';

const kindLabels: Record<OrderSearchKind, string> = {
  auto: 'Anything (guess from the text)',
  email: 'Customer email',
  name: 'Customer name',
  orderId: 'Order id (or its first characters)',
  ticketId: 'Ticket id',
  qrHash: 'QR code, ticket link or hash',
};

/** Support look-up: search, a list of orders, and one order's tickets with their scan history. Read-only. */
export function OrdersPage() {
  const connectionId = useSession((s) => s.activeConnectionId);
  const path = useRoute();
  const orderId = /^\/orders\/([0-9a-f-]{36})$/i.exec(path)?.[1];
  if (!connectionId) return <NoConnection title="Orders" />;
  return (
    <section className="page orders-page">
      <h1>Orders</h1>
      <OrderSearch key={connectionId} connectionId={connectionId} />
      {orderId && <OrderDetailView connectionId={connectionId} orderId={orderId} onClose={() => navigate('/orders')} />}
    </section>
  );
}

function OrderSearch({ connectionId }: { connectionId: string }) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<OrderSearchKind>('auto');
  const [submitted, setSubmitted] = useState<{ q: string; kind: OrderSearchKind }>({ q: '', kind: 'auto' });
  const search = useSearchOrders(connectionId, submitted.q, submitted.kind);
  const orders = search.data?.pages.flatMap((p) => p.orders) ?? [];
  const readAs = search.data?.pages[0]?.kind;
  return (
    <>
      <form
        className="order-search"
        role="search"
        aria-label="Search orders"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted({ q: text.trim(), kind });
        }}
      >
        <Field label="Search" className="grow">
          <input
            value={text}
            autoFocus
            placeholder="email, name, order id, ticket id or QR code"
            maxLength={320}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <Field label="Search by">
          <select value={kind} onChange={(e) => setKind(e.target.value as OrderSearchKind)}>
            {orderSearchKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      {search.error && <ErrorView title="The search failed" error={search.error} />}
      {search.isFetching && !search.isFetchingNextPage && <p className="muted">Searching…</p>}
      {search.data && (
        <p className="muted" role="status">
          {orders.length === 0 ? 'No orders found' : `${orders.length}${search.hasNextPage ? '+' : ''} orders`}
          {readAs && submitted.kind === 'auto' ? ` — searched by ${kindLabels[readAs].toLowerCase()}` : ''}
        </p>
      )}
      {orders.length > 0 && (
        <table className="data-table" aria-label="Orders found">
          <thead>
            <tr>
              <th>Created</th>
              <th>Order</th>
              <th>Customer</th>
              <th>Event</th>
              <th>Tickets</th>
              <th>Total</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} className="clickable" onClick={() => navigate(`/orders/${o.id}`)}>
                <td>{formatDateTime(o.createdAt)}</td>
                <td>
                  <a href={`#/orders/${o.id}`} className="mono">
                    {o.id.slice(0, 8)}
                  </a>
                </td>
                <td>
                  {o.customerName}
                  <div className="muted small">{o.email}</div>
                </td>
                <td>
                  {o.eventTitle}
                  <div className="muted small">{new Date(o.eventStart).toLocaleDateString()}</div>
                </td>
                <td className="num">{formatCount(o.ticketCount)}</td>
                <td className="num">{formatMoney(o.totalAmount, o.currency)}</td>
                <td>
                  <span className={`status status-${o.status}`}>{o.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {search.hasNextPage && (
        <button onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
          {search.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  );
}
