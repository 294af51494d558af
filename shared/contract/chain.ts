import { z } from 'zod';
import { connectionId, int8String, isoTime, query } from './define';
import { uuid } from './tickets';

export const chainUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  chainPosition: int8String,
  depth: z.number().int(),
  countryCode: z.string().nullable(),
  joinedAt: isoTime,
  deleted: z.boolean(),
});
export type ChainUser = z.infer<typeof chainUserSchema>;

export const descendantSchema = z.object({
  id: z.string(),
  parentId: z.string(),
  /** 1 = direct child of the requested user. */
  level: z.number().int(),
  username: z.string(),
  displayName: z.string().nullable(),
  chainPosition: int8String,
  attachedAt: isoTime,
  deleted: z.boolean(),
  directChildren: int8String,
});
export type Descendant = z.infer<typeof descendantSchema>;

export const chainContract = {
  'chain.stats': query(
    'fn_calculate_chain_stats(): total users, active invitation tickets, max depth; average children per inviter',
    z.object({ connectionId }),
    z.object({
      totalUsers: int8String,
      activeTickets: int8String,
      maxDepth: z.number().int(),
      /** Users with at least one live child in the chain. */
      inviters: int8String,
      /** Live children per inviter (numeric text, 2 decimals); null when nobody has invited anyone yet. */
      avgChildrenPerInviter: z.string().nullable(),
    }),
  ),
  'chain.leaderboard': query(
    'Users ranked by chain growth (mv_chain_leaderboard, as of its last refresh)',
    z.object({ connectionId, limit: z.number().int().min(1).max(500).default(50) }),
    z.object({
      rows: z.array(
        z.object({
          rank: int8String,
          userId: z.string(),
          username: z.string(),
          displayName: z.string().nullable(),
          countryCode: z.string().nullable(),
          depth: z.number().int(),
          directChildren: int8String,
          totalDescendants: int8String,
          badgeCount: int8String,
        }),
      ),
    }),
  ),
  'chain.growth': query(
    'Per day: active users, actions and sign-ups (mv_daily_active_users, as of its last refresh)',
    z.object({ connectionId, days: z.number().int().min(1).max(3660).default(365) }),
    z.object({ days: z.array(z.object({ day: z.string(), activeUsers: int8String, actions: int8String, newUsers: int8String })) }),
  ),
  'chain.expiring': query(
    'Active invitation tickets expiring in the next 12 hours: how many, and the soonest ones',
    z.object({ connectionId, limit: z.number().int().min(1).max(500).default(50) }),
    z.object({
      count: int8String,
      tickets: z.array(z.object({ id: z.string(), code: z.string(), expiresAt: isoTime, ownerId: z.string(), ownerUsername: z.string() })),
    }),
  ),
  'chain.findUsers': query(
    'Find chain users by username, email, chain position or id',
    z.object({ connectionId, q: z.string().trim().min(1).max(320), limit: z.number().int().min(1).max(100).default(20) }),
    z.object({ users: z.array(chainUserSchema) }),
  ),
  'chain.userPath': query(
    'A user and the path from them up to the root of the chain (user first, root last)',
    z.object({ connectionId, userId: uuid }),
    z.object({ path: z.array(chainUserSchema), truncated: z.boolean() }),
  ),
  'chain.descendants': query(
    'Descendants of a user, level by level (recursive CTE with a depth limit), at most `perParent` children per parent; page the first level with `after`',
    z.object({
      connectionId,
      userId: uuid,
      depth: z.number().int().min(1).max(5).default(1),
      perParent: z.number().int().min(1).max(200).default(50),
      /** The `nextCursor` of the previous page of direct children. */
      after: z.string().max(200).optional(),
    }),
    z.object({ rows: z.array(descendantSchema), nextCursor: z.string().nullable() }),
  ),
};
