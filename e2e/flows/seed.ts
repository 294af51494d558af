import type { E2EState } from '../fixtures/state';

/**
 * The demo database is empty until the reference schema lands, so schema flows create their own
 * small table through the product's own API (query.run over the authenticated loopback HTTP).
 */
export const SEED_SQL = `
CREATE SCHEMA IF NOT EXISTS e2e_shop;
CREATE TABLE IF NOT EXISTS e2e_shop.e2e_orders (
  id bigint PRIMARY KEY,
  customer_email text NOT NULL,
  status text NOT NULL DEFAULT 'new',
  total numeric(10,2),
  details jsonb
);
CREATE INDEX IF NOT EXISTS e2e_orders_status_idx ON e2e_shop.e2e_orders (status);
COMMENT ON TABLE e2e_shop.e2e_orders IS 'Orders for the end-to-end flows';
INSERT INTO e2e_shop.e2e_orders
  SELECT g, 'buyer' || g || '@example.com', (ARRAY['new', 'paid', 'shipped'])[1 + g % 3], g * 2.5, jsonb_build_object('items', g % 5)
  FROM generate_series(1, 1500) AS g
  ON CONFLICT DO NOTHING;
ANALYZE e2e_shop.e2e_orders;
`;

export async function seedDemo(state: E2EState): Promise<void> {
  await runOnDemo(state, SEED_SQL);
}

/** Runs SQL on the demo database through the product's own API (query.run), failing on any error. */
export async function runOnDemo(state: E2EState, sql: string): Promise<void> {
  const response = await fetch(`${state.origin}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${state.token}` },
    body: JSON.stringify({
      method: 'query.run',
      input: { connectionId: 'demo', runId: `seed-${Date.now()}`, sql, scope: 'all' },
    }),
  });
  const envelope = (await response.json()) as {
    ok: boolean;
    value?: { statements: { error: { message: string } | null }[] };
    error?: { message: string };
  };
  const failed = envelope.value?.statements.find((s) => s.error);
  if (!envelope.ok || failed) throw new Error(`Seeding the demo database failed: ${envelope.error?.message ?? failed?.error?.message}`);
}

/** Runs SQL on a fresh session of the demo connection through the API: what another session sees. */
export async function countRows(state: E2EState, sql: string): Promise<number> {
  const response = await fetch(`${state.origin}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${state.token}` },
    body: JSON.stringify({ method: 'query.run', input: { connectionId: 'demo', runId: `count-${Date.now()}`, sql, scope: 'all' } }),
  });
  const envelope = (await response.json()) as { value?: { statements: { result: { rows: string[][] } | null }[] } };
  return Number(envelope.value?.statements[0]?.result?.rows[0]?.[0]);
}
