import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** Usernames of the fixture tree (ids in `ids`). */
export const chainTree = {
  root: null,
  hub: 'root',
  h1: 'hub',
  h2: 'hub',
  h3: 'hub',
  h4: 'hub',
  h5: 'hub',
  h6: 'hub',
  h7: 'hub',
  h1a: 'h1',
  h1b: 'h1',
  h1a1: 'h1a',
  d1: 'root',
  d2: 'd1',
  d3: 'd2',
  d4: 'd3',
  gone: 'root',
  g1: 'gone',
} as const satisfies Record<string, string | null>;
export type ChainName = keyof typeof chainTree;

export interface ChainFixture {
  ids: Record<ChainName, string>;
  /** username in the database = `${tag}_${name}` */
  tag: string;
}

/**
 * A small, exactly known chain on top of the reference schema: a hub with 7 children (paging), a
 * 4-deep branch, a soft-deleted user with a live child, invitation tickets (two ACTIVE ones expire
 * within 12 hours, one later), audit activity on two days and one badge; both chain materialized
 * views refreshed. For an EMPTY chain schema (chain_position 1 is the root).
 */
export async function insertChainFixture(pool: pg.Pool): Promise<ChainFixture> {
  const tag = `fx${randomUUID().slice(0, 6)}`;
  const names = Object.keys(chainTree) as ChainName[];
  const ids = Object.fromEntries(names.map((n) => [n, randomUUID()])) as Record<ChainName, string>;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // joined one minute apart in declaration order, so chain_position and attached_at follow it
    for (const [i, name] of names.entries())
      await client.query(
        `INSERT INTO chain.users (id, username, email, display_name, country_code, created_at, deleted_at)
         VALUES ($1, $2, $3, $4, 'NL', now() - interval '2 days' + make_interval(mins => $5), CASE WHEN $6 THEN now() END)`,
        [ids[name], `${tag}_${name}`, `${tag}.${name}@example.com`, `User ${name}`, i, name === 'gone'],
      );
    const edges = names.filter((n) => chainTree[n] !== null);
    for (const [i, child] of edges.entries()) {
      const parent = chainTree[child]!;
      const ticket = randomUUID();
      await client.query(
        `INSERT INTO chain.tickets (id, owner_id, code, status, issued_at, expires_at, used_at)
         VALUES ($1, $2, $3, 'USED', now() - interval '3 days', now() + interval '4 days', now() - interval '1 day')`,
        [ticket, ids[parent], `${tag.toUpperCase()}E${String(i).padStart(4, '0')}`.replace(/[^A-Z0-9]/g, 'X')],
      );
      await client.query(
        `INSERT INTO chain.attachments (parent_id, child_id, ticket_id, attached_at)
         VALUES ($1, $2, $3, now() - interval '2 days' + make_interval(mins => $4))`,
        [ids[parent], ids[child], ticket, names.indexOf(child)],
      );
    }
    const active = [
      ['A1', 'hub', '3 hours'],
      ['A2', 'd4', '11 hours'],
      ['A3', 'h7', '30 hours'],
    ] as const;
    for (const [code, owner, inHours] of active)
      await client.query(`INSERT INTO chain.tickets (owner_id, code, status, expires_at) VALUES ($1, $2, 'ACTIVE', now() + $3::interval)`, [
        ids[owner],
        `${tag.toUpperCase()}${code}`.replace(/[^A-Z0-9]/g, 'X'),
        inHours,
      ]);
    for (const [actor, daysAgo] of [
      ['hub', 0],
      ['h1', 0],
      ['hub', 0],
      ['d1', 1],
    ] as const)
      await client.query(
        `INSERT INTO chain.audit_log (actor_id, action, entity_type, created_at)
         VALUES ($1, 'TICKET_SENT', 'ticket', now() - make_interval(days => $2))`,
        [ids[actor], daysAgo],
      );
    const badge = await client.query<{ id: string }>(`INSERT INTO chain.badges (code, name) VALUES ($1, 'Connector') RETURNING id`, [
      `${tag.toUpperCase()}_CONNECTOR`,
    ]);
    await client.query(`INSERT INTO chain.user_badges (user_id, badge_id) VALUES ($1, $2)`, [ids.hub, badge.rows[0]!.id]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  await pool.query('REFRESH MATERIALIZED VIEW chain.mv_chain_leaderboard');
  await pool.query('REFRESH MATERIALIZED VIEW chain.mv_daily_active_users');
  return { ids, tag };
}
