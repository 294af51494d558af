import { beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { insertChainFixture, type ChainFixture } from '../testing/chain-fixture';
import { useCoreFixture } from '../testing/core-fixture';
import { createTestDatabase } from '../testing/test-database';

const env = useCoreFixture('chain', { ticketz: true, profile: { readOnly: true } });
let fx: ChainFixture;

beforeAll(async () => {
  fx = await insertChainFixture(env.db.pool);
});

const name = (username: string) => username.slice(fx.tag.length + 1);

describe('chain statistics (on a read-only connection)', () => {
  it('reads fn_calculate_chain_stats()', async () => {
    expect(await env.call('chain.stats', { connectionId: env.id })).toEqual({
      totalUsers: '17',
      activeTickets: '3',
      maxDepth: 4,
      // 16 live children (the soft-deleted 'gone' is not one) of 8 inviters ('gone' still has g1)
      inviters: '8',
      avgChildrenPerInviter: '2.00',
    });
  });

  it('ranks users by descendants; soft-deleted users are not ranked but their children count', async () => {
    const { rows } = await env.call('chain.leaderboard', { connectionId: env.id, limit: 3 });
    expect(rows.map((r) => [name(r.username), r.rank, r.totalDescendants, r.directChildren])).toEqual([
      ['root', '1', '16', '2'],
      ['hub', '2', '10', '7'],
      // h1 and d1 both have 3 descendants: more direct children ranks first
      ['h1', '3', '3', '2'],
    ]);
    expect(rows[1]!.badgeCount).toBe('1');
  });

  it('shows growth per day from mv_daily_active_users', async () => {
    const { days } = await env.call('chain.growth', { connectionId: env.id, days: 30 });
    const today = new Date().toISOString().slice(0, 10);
    expect(days.find((d) => d.day === today)).toMatchObject({ activeUsers: '2', actions: '3' });
    expect(days.reduce((n, d) => n + Number(d.newUsers), 0)).toBe(17);
    expect(days.map((d) => d.day)).toEqual([...days.map((d) => d.day)].sort());
  });

  it('lists invitation tickets expiring in the next 12 hours, soonest first', async () => {
    const result = await env.call('chain.expiring', { connectionId: env.id, limit: 10 });
    expect(result.count).toBe('2');
    expect(result.tickets.map((t) => name(t.ownerUsername))).toEqual(['hub', 'd4']);
    const one = await env.call('chain.expiring', { connectionId: env.id, limit: 1 });
    expect(one).toMatchObject({ count: '2', tickets: [{ ownerId: fx.ids.hub }] });
  });

  it('counts zero when nothing expires in the next 12 hours', async () => {
    const moved = await env.db.pool.query<{ id: string }>(
      `UPDATE chain.tickets SET expires_at = expires_at + interval '1 day'
       WHERE status = 'ACTIVE' AND expires_at <= now() + interval '12 hours' RETURNING id`,
    );
    try {
      expect(await env.call('chain.expiring', { connectionId: env.id, limit: 10 })).toEqual({ count: '0', tickets: [] });
    } finally {
      await env.db.pool.query(`UPDATE chain.tickets SET expires_at = expires_at - interval '1 day' WHERE id = ANY($1::uuid[])`, [
        moved.rows.map((r) => r.id),
      ]);
    }
  });
});

describe('chain user look-up and tree', () => {
  it('finds users by username (any case), email, position and id, then by username prefix', async () => {
    const byName = await env.call('chain.findUsers', { connectionId: env.id, q: `${fx.tag}_HUB` });
    expect(byName.users.map((u) => u.id)).toEqual([fx.ids.hub]);
    const byEmail = await env.call('chain.findUsers', { connectionId: env.id, q: `${fx.tag}.d2@example.com` });
    expect(byEmail.users.map((u) => u.id)).toEqual([fx.ids.d2]);
    const byPosition = await env.call('chain.findUsers', { connectionId: env.id, q: '#1' });
    expect(byPosition.users[0]).toMatchObject({ id: fx.ids.root, chainPosition: '1', depth: 0 });
    const byId = await env.call('chain.findUsers', { connectionId: env.id, q: fx.ids.h1a1 });
    expect(byId.users[0]).toMatchObject({ depth: 4, deleted: false });
    const byPrefix = await env.call('chain.findUsers', { connectionId: env.id, q: `${fx.tag}_h1` });
    expect(byPrefix.users.map((u) => name(u.username))).toEqual(['h1', 'h1a', 'h1b', 'h1a1']);
    const wildcard = await env.call('chain.findUsers', { connectionId: env.id, q: '%' });
    expect(wildcard.users).toEqual([]);
  });

  it('shows the path from a user up to the root', async () => {
    const { path, truncated } = await env.call('chain.userPath', { connectionId: env.id, userId: fx.ids.h1a1 });
    expect(path.map((u) => name(u.username))).toEqual(['h1a1', 'h1a', 'h1', 'hub', 'root']);
    expect(truncated).toBe(false);
    const viaDeleted = await env.call('chain.userPath', { connectionId: env.id, userId: fx.ids.g1 });
    expect(viaDeleted.path.map((u) => [name(u.username), u.deleted])).toEqual([
      ['g1', false],
      ['gone', true],
      ['root', false],
    ]);
    const err = await env.direct
      .call('chain.userPath', { connectionId: env.id, userId: '00000000-0000-4000-8000-000000000000' })
      .catch((e: unknown) => e);
    expect((err as RpcError).code).toBe('NOT_FOUND');
  });

  it('pages the direct children of a hub', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await env.call('chain.descendants', { connectionId: env.id, userId: fx.ids.hub, perParent: 3, after });
      expect(page.rows.every((r) => r.level === 1 && r.parentId === fx.ids.hub)).toBe(true);
      seen.push(...page.rows.map((r) => name(r.username)));
      after = page.nextCursor ?? undefined;
      pages++;
    } while (after);
    expect(seen).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7']);
    expect(pages).toBe(3);
    const first = await env.call('chain.descendants', { connectionId: env.id, userId: fx.ids.hub, perParent: 3 });
    expect(first.rows[0]).toMatchObject({ directChildren: '2', deleted: false });
  });

  it('walks several levels with a limit per parent, without the look-ahead row’s subtree', async () => {
    const { rows, nextCursor } = await env.call('chain.descendants', {
      connectionId: env.id,
      userId: fx.ids.root,
      depth: 3,
      perParent: 2,
    });
    const shown = rows.map((r) => `${r.level}:${name(r.username)}`);
    expect(shown.filter((s) => s.startsWith('1:'))).toEqual(['1:hub', '1:d1']);
    expect(shown).toEqual(expect.arrayContaining(['2:h1', '2:h2', '2:d2', '3:h1a', '3:h1b', '3:d3']));
    expect(shown).not.toContain('2:h3');
    expect(shown.some((s) => s.includes('gone') || s.includes('g1'))).toBe(false);
    expect(rows).toHaveLength(8);
    const next = await env.call('chain.descendants', {
      connectionId: env.id,
      userId: fx.ids.root,
      depth: 2,
      perParent: 2,
      after: nextCursor!,
    });
    expect(next.rows.map((r) => [r.level, name(r.username), r.deleted])).toEqual([
      [1, 'gone', true],
      [2, 'g1', false],
    ]);
    expect(next.nextCursor).toBeNull();
  });

  it('rejects a forged cursor', async () => {
    const err = await env.call('chain.descendants', { connectionId: env.id, userId: fx.ids.root, after: 'x_y' }).catch((e: unknown) => e);
    expect((err as RpcError).code).toBe('BAD_REQUEST');
  });
});

describe('on a database without the chain schema', () => {
  it('answers NOT_FOUND with a clear message', async () => {
    const plain = await createTestDatabase('plainchain');
    try {
      const id = await env.direct.addProfile(plain);
      const err = await env.call('chain.stats', { connectionId: id }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RpcError);
      expect((err as RpcError).code).toBe('NOT_FOUND');
      expect((err as RpcError).message).toMatch(/no chain schema/);
    } finally {
      await env.direct.core.deps.pools.closeAll();
      await plain.drop();
    }
  });
});
