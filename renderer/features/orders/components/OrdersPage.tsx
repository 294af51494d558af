import { ReplicaLag } from '../../../components/ReplicaLag';
import { useState } from 'react';
import { orderSearchKinds, type OrderSearchKind, type OrderSummary } from '../../../../shared/contract/orders';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { DataTable, type DataTableColumn } from '../../../components/table/DataTable';
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
      <ReplicaLag connectionId={connectionId} />
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
        <DataTable
          rows={orders}
          columns={orderColumns}
          rowKey={(o) => o.id}
          ariaLabel="Orders found"
          onRowClick={(o) => navigate(`/orders/${o.id}`)}
          hideCopy
        />
      )}
      {search.hasNextPage && (
        <button onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
          {search.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  );
}

const orderColumns: DataTableColumn<OrderSummary>[] = [
  { id: 'created', header: 'Created', value: (o) => o.createdAt, cell: (o) => formatDateTime(o.createdAt) },
  {
    id: 'order',
    header: 'Order',
    value: (o) => o.id,
    cell: (o) => (
      <a href={`#/orders/${o.id}`} className="mono">
        {o.id.slice(0, 8)}
      </a>
    ),
  },
  {
    id: 'customer',
    header: 'Customer',
    value: (o) => o.customerName,
    cell: (o) => (
      <>
        {o.customerName}
        <div className="muted small">{o.email}</div>
      </>
    ),
  },
  {
    id: 'event',
    header: 'Event',
    value: (o) => o.eventTitle,
    cell: (o) => (
      <>
        {o.eventTitle}
        <div className="muted small">{formatDate(o.eventStart)}</div>
      </>
    ),
  },
  { id: 'tickets', header: 'Tickets', numeric: true, value: (o) => o.ticketCount, cell: (o) => formatCount(o.ticketCount) },
  { id: 'total', header: 'Total', numeric: true, value: (o) => o.totalAmount, cell: (o) => formatMoney(o.totalAmount, o.currency) },
  { id: 'status', header: 'Status', value: (o) => o.status, cell: (o) => <span className={`status status-${o.status}`}>{o.status}</span> },
];
