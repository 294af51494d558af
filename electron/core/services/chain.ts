import type pg from 'pg';
import type { ChainUser, chainContract, Descendant } from '../../../shared/contract/chain';
import { RpcError } from '../../../shared/rpc/rpc-error';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';
import descendantsSql from '../sql/chain/descendants.sql?raw';
import expiringCountSql from '../sql/chain/expiring-count.sql?raw';
import expiringSql from '../sql/chain/expiring.sql?raw';
import findUsersPrefixSql from '../sql/chain/find-users-prefix.sql?raw';
import findUsersSql from '../sql/chain/find-users.sql?raw';
import growthSql from '../sql/chain/growth.sql?raw';
import leaderboardSql from '../sql/chain/leaderboard.sql?raw';
import statsSql from '../sql/chain/stats.sql?raw';
import userPathSql from '../sql/chain/user-path.sql?raw';
import { onTicketzSchema } from '../ticketz/schema-errors';

/** A path longer than this is cut (the seed's deepest branches are a few hundred levels). */
export const PATH_STEP_LIMIT = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^(\d{1,20})_([0-9a-f-]{36})$/i;

interface UserRow {
  id: string;
  username: string;
  display_name: string | null;
  chain_position: string;
  depth: number;
  country_code: string | null;
  created_at: Date;
  deleted: boolean;
}

const toUser = (r: UserRow): ChainUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  chainPosition: r.chain_position,
  depth: r.depth,
  countryCode: r.country_code,
  joinedAt: r.created_at.toISOString(),
  deleted: r.deleted,
});

/** The Chain pages: reads only (functions and materialized views of migrations/0011-0012). */
export function chainHandlers(deps: CoreDeps): HandlersFor<typeof chainContract> {
  const onChain = async <T>(connectionId: string, work: (pool: pg.Pool) => Promise<T>) => {
    const pool = await deps.pools.get(connectionId);
    return onTicketzSchema(pool, 'chain', () => work(pool));
  };
  return {
    'chain.stats': ({ connectionId }) =>
      onChain(connectionId, async (pool) => {
        const { rows } = await pool.query<StatsRow>(statsSql);
        const r = rows[0]!;
        return {
          totalUsers: r.total_users,
          activeTickets: r.active_tickets,
          maxDepth: r.max_depth,
          inviters: r.inviters,
          avgChildrenPerInviter: r.avg_children_per_inviter,
        };
      }),

    'chain.leaderboard': ({ connectionId, limit }) =>
      onChain(connectionId, async (pool) => {
        const { rows } = await pool.query<LeaderRow>(leaderboardSql, [limit]);
        return {
          rows: rows.map((r) => ({
            rank: r.rank,
            userId: r.user_id,
            username: r.username,
            displayName: r.display_name,
            countryCode: r.country_code,
            depth: r.depth,
            directChildren: r.direct_children,
            totalDescendants: r.total_descendants,
            badgeCount: r.badge_count,
          })),
        };
      }),

    'chain.growth': ({ connectionId, days }) =>
      onChain(connectionId, async (pool) => {
        const { rows } = await pool.query<{ day: string; active_users: string; actions: string; new_users: string }>(growthSql, [days]);
        return { days: rows.map((r) => ({ day: r.day, activeUsers: r.active_users, actions: r.actions, newUsers: r.new_users })) };
      }),

    'chain.expiring': ({ connectionId, limit }) =>
      onChain(connectionId, async (pool) => {
        const { rows } = await pool.query<ExpiringRow>(expiringSql, [limit]);
        const count = rows[0]?.total ?? (await pool.query<{ total: string }>(expiringCountSql)).rows[0]!.total;
        return {
          count,
          tickets: rows.map((r) => ({
            id: r.id,
            code: r.code,
            expiresAt: r.expires_at.toISOString(),
            ownerId: r.owner_id,
            ownerUsername: r.owner_username,
          })),
        };
      }),

    'chain.findUsers': ({ connectionId, q, limit }) =>
      onChain(connectionId, async (pool) => {
        const text = q.trim();
        const position = /^#?\d{1,18}$/.test(text) ? text.replace('#', '') : null;
        const { rows } = await pool.query<UserRow>(findUsersSql, [
          UUID.test(text) ? text : null,
          position,
          text.includes('@') ? text : null,
          text.includes('@') ? null : text,
          limit,
        ]);
        if (rows.length >= limit || text.length < 2 || text.includes('@')) return { users: rows.map(toUser) };
        // then usernames starting with the text, after the exact matches
        const prefix = `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const { rows: byPrefix } = await pool.query<UserRow>(findUsersPrefixSql, [prefix, limit]);
        const exact = new Set(rows.map((r) => r.id));
        return { users: [...rows, ...byPrefix.filter((r) => !exact.has(r.id))].slice(0, limit).map(toUser) };
      }),

    'chain.userPath': ({ connectionId, userId }) =>
      onChain(connectionId, async (pool) => {
        const { rows } = await pool.query<UserRow & { step: number }>(userPathSql, [userId, PATH_STEP_LIMIT]);
        if (rows.length === 0) throw new RpcError('NOT_FOUND', `No chain user with id ${userId} in this database.`);
        return { path: rows.map(toUser), truncated: rows.at(-1)!.step >= PATH_STEP_LIMIT };
      }),

    'chain.descendants': ({ connectionId, userId, depth, perParent, after }) =>
      onChain(connectionId, async (pool) => {
        let cursor: [string | null, string | null] = [null, null];
        if (after) {
          const m = CURSOR.exec(after);
          if (!m) throw new RpcError('BAD_REQUEST', 'That page cursor is not valid: expand the user again.');
          cursor = [m[1]!, m[2]!];
        }
        const { rows } = await pool.query<DescendantRow>(descendantsSql, [userId, depth, perParent, ...cursor]);
        return pageOfDescendants(rows, perParent);
      }),
  };
}

/** Drops the look-ahead child of the first level (and its subtree) and makes the next cursor. */
export function pageOfDescendants(rows: DescendantRow[], perParent: number): { rows: Descendant[]; nextCursor: string | null } {
  const first = rows.filter((r) => r.level === 1);
  const extra = first.length > perParent ? first[perParent] : undefined;
  const dropped = new Set<string>(extra ? [extra.id] : []);
  const kept: Descendant[] = [];
  for (const r of rows) {
    // rows come ordered by level, so a parent is decided before its children
    if (dropped.has(r.id) || dropped.has(r.parent_id)) {
      dropped.add(r.id);
      continue;
    }
    kept.push({
      id: r.id,
      parentId: r.parent_id,
      level: r.level,
      username: r.username,
      displayName: r.display_name,
      chainPosition: r.chain_position,
      attachedAt: r.attached_at.toISOString(),
      deleted: r.deleted,
      directChildren: r.direct_children,
    });
  }
  const last = extra ? first[perParent - 1] : undefined;
  return { rows: kept, nextCursor: last ? `${last.cursor_micros}_${last.id}` : null };
}

export interface DescendantRow {
  id: string;
  parent_id: string;
  level: number;
  attached_at: Date;
  cursor_micros: string;
  username: string;
  display_name: string | null;
  chain_position: string;
  deleted: boolean;
  direct_children: string;
}

interface LeaderRow {
  rank: string;
  user_id: string;
  username: string;
  display_name: string | null;
  country_code: string | null;
  depth: number;
  direct_children: string;
  total_descendants: string;
  badge_count: string;
}

interface ExpiringRow {
  id: string;
  code: string;
  expires_at: Date;
  owner_id: string;
  owner_username: string;
  total: string;
}

interface StatsRow {
  total_users: string;
  active_tickets: string;
  max_depth: number;
  inviters: string;
  avg_children_per_inviter: string | null;
}
