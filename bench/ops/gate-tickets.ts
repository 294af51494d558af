import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { packageRootForTests } from '../../electron/core/testing/package-root';

/** The QR payload of bench ticket n; its qr_code_hash is the hex SHA-256 of this text. */
export const benchPayload = (n: number) => `ticketz-bench-ticket:${n}`;

/** The same hash in SQL (for pgbench, which cannot hash in the client). */
export const benchHashSql = (n: string) => `encode(sha256(convert_to('ticketz-bench-ticket:' || ${n}, 'UTF8')), 'hex')`;

export interface GateBench {
  eventId: string;
  orderId: string;
  count: number;
}

/**
 * Adds `count` VALID general-admission tickets (payloads ticketz-bench-ticket:1..count) to the
 * upcoming published event with the most tickets of a seeded Ticketz database, in one bench
 * order, so that every scan of a run can be a first scan (an acceptance that commits).
 */
export async function addBenchTickets(pool: pg.Pool, count: number): Promise<GateBench> {
  const { rows } = await pool.query<{ event_id: string; tier_id: string; user_id: string }>(
    `SELECT e.id AS event_id, tt.id AS tier_id, (SELECT id FROM ticketing.users ORDER BY id LIMIT 1) AS user_id
     FROM ticketing.events AS e
     JOIN ticketing.ticket_tiers AS tt ON tt.event_id = e.id
     JOIN ticketing.sections AS s ON s.id = tt.section_id AND s.type = 'GENERAL'
     WHERE e.status = 'PUBLISHED' AND e.deleted = false AND e.start_time > now()
     ORDER BY (SELECT count(*) FROM ticketing.tickets AS t WHERE t.event_id = e.id) DESC, e.id
     LIMIT 1`,
  );
  const target = rows[0];
  if (!target) throw new Error('The database has no upcoming published event with a general-admission tier: seed it first.');
  const order = await pool.query<{ id: string }>(
    `INSERT INTO ticketing.orders (user_id, event_id, status, total_amount, platform_fee, net_amount, paid_at)
     VALUES ($1, $2, 'PAID', 0, 0, 0, now()) RETURNING id`,
    [target.user_id, target.event_id],
  );
  const orderId = order.rows[0]!.id;
  await pool.query(
    `INSERT INTO ticketing.tickets (event_id, order_id, ticket_tier_id, price, qr_code_hash)
     SELECT $1, $2, $3, 0, ${benchHashSql('n')}
     FROM generate_series(1, $4::int) AS n`,
    [target.event_id, orderId, target.tier_id, count],
  );
  // the console's audit table, which the gate statement writes each scan's entry to
  await pool.query(readFileSync(path.join(packageRootForTests, 'electron', 'core', 'sql', 'audit', 'ensure-table.sql'), 'utf8'));
  await pool.query('ANALYZE ticketing.tickets');
  return { eventId: target.event_id, orderId, count };
}

/** Makes every bench ticket VALID again and removes the bench scans, so runs start alike. */
export async function resetBenchTickets(pool: pg.Pool, bench: GateBench): Promise<void> {
  await pool.query(`UPDATE ticketing.tickets SET status = 'VALID', scanned_at = NULL WHERE order_id = $1 AND status <> 'VALID'`, [
    bench.orderId,
  ]);
  await pool.query(`DELETE FROM ticketing.ticket_validations WHERE event_id = $1 AND staff LIKE 'bench%'`, [bench.eventId]);
  await pool.query(`DELETE FROM ticketz_console.audit_log WHERE action = 'ticket.validate'`);
  await pool.query('VACUUM (ANALYZE) ticketing.tickets, ticketing.ticket_validations, ticketz_console.audit_log');
}
