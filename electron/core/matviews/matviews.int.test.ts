import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../shared/contract/events';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('mv');
const events: TaskProgress[] = [];

beforeAll(async () => {
  env.direct.core.events.subscribe((event, payload) => event === 'task.progress' && events.push(payload as TaskProgress));
  const sql = (s: string) => env.db.pool.query(s);
  await sql('CREATE SCHEMA ticketing');
  await sql('CREATE TABLE ticketing.events (id int PRIMARY KEY, title text NOT NULL)');
  await sql('CREATE TABLE ticketing.tickets (id int PRIMARY KEY, event_id int NOT NULL REFERENCES ticketing.events (id))');
  await sql(`INSERT INTO ticketing.events SELECT g, 'event ' || g FROM generate_series(1, 20) AS g`);
  await sql('INSERT INTO ticketing.tickets SELECT g, 1 + g % 20 FROM generate_series(1, 2000) AS g');
  // event_stats: CONCURRENTLY-eligible (unique index on a plain column).
  await sql(`CREATE MATERIALIZED VIEW ticketing.event_stats AS
               SELECT e.id AS event_id, e.title, count(t.id) AS tickets_sold
                 FROM ticketing.events AS e LEFT JOIN ticketing.tickets AS t ON t.event_id = e.id
                GROUP BY e.id, e.title`);
  await sql('CREATE UNIQUE INDEX event_stats_event_id ON ticketing.event_stats (event_id)');
  // A plain view over it, and a second materialized view over that view: refreshed after event_stats.
  await sql('CREATE VIEW ticketing.busy_events AS SELECT event_id, tickets_sold FROM ticketing.event_stats WHERE tickets_sold > 0');
  await sql(
    'CREATE MATERIALIZED VIEW ticketing.busy_summary AS SELECT count(*) AS events, sum(tickets_sold) AS tickets FROM ticketing.busy_events',
  );
  // Only an expression unique index: not eligible. And one never populated.
  await sql('CREATE MATERIALIZED VIEW ticketing.titles AS SELECT id, title FROM ticketing.events');
  await sql('CREATE UNIQUE INDEX titles_lower ON ticketing.titles (lower(title))');
  await sql('CREATE MATERIALIZED VIEW ticketing.later AS SELECT id FROM ticketing.events WITH NO DATA');
  await sql('CREATE UNIQUE INDEX later_id ON ticketing.later (id)');
});

const list = async () => (await env.call('matviews.list', { connectionId: env.id })).matviews;
const find = async (name: string) => (await list()).find((m) => m.name === name)!;

describe('materialized views', () => {
  it('lists size, populated state, CONCURRENTLY eligibility with the reason, and dependencies', async () => {
    const all = await list();
    expect(all.map((m) => m.name)).toEqual(['busy_summary', 'event_stats', 'later', 'titles']);
    const stats = all.find((m) => m.name === 'event_stats')!;
    expect(stats).toMatchObject({
      schema: 'ticketing',
      populated: true,
      canRefreshConcurrently: true,
      concurrentlyBlocker: null,
      lastRefresh: null,
    });
    expect(Number(stats.bytes)).toBeGreaterThan(0);
    expect(stats.dependsOn.map((d) => `${d.name}:${d.kind}`).sort()).toEqual(['events:table', 'tickets:table']);
    expect(stats.dependents.map((d) => d.name)).toEqual(['busy_summary']);
    const summary = all.find((m) => m.name === 'busy_summary')!;
    expect(summary.dependsOn.map((d) => `${d.name}:${d.kind}`)).toEqual(['busy_events:view']);
    expect(summary.concurrentlyBlocker).toMatch(/no unique index/);
    expect(all.find((m) => m.name === 'titles')!.concurrentlyBlocker).toMatch(/titles_lower.*expression or a WHERE/);
    expect(all.find((m) => m.name === 'later')).toMatchObject({ populated: false, canRefreshConcurrently: false });
    expect(all.find((m) => m.name === 'later')!.concurrentlyBlocker).toMatch(/not populated/);
  });

  it('refreshes CONCURRENTLY when it can, updating the data and its last-refresh time', async () => {
    await env.db.pool.query('INSERT INTO ticketing.tickets SELECT g, 1 FROM generate_series(2001, 2100) AS g');
    const taskId = randomUUID();
    const r = await env.call('matviews.refresh', { connectionId: env.id, taskId, schema: 'ticketing', name: 'event_stats' });
    expect(r).toMatchObject({ concurrently: true, statement: 'REFRESH MATERIALIZED VIEW CONCURRENTLY "ticketing"."event_stats"' });
    expect(events.filter((e) => e.taskId === taskId).at(-1)?.state).toBe('succeeded');
    const { rows } = await env.db.pool.query('SELECT tickets_sold::int AS n FROM ticketing.event_stats WHERE event_id = 1');
    expect(rows[0].n).toBe(200);
    const stats = await find('event_stats');
    expect(stats.lastRefresh).not.toBeNull();
    expect(Date.now() - Date.parse(stats.lastRefresh!.at)).toBeLessThan(60_000);
    expect(stats.lastRefresh!.durationMs).toBeGreaterThan(0);
  });

  it('refuses CONCURRENTLY where PostgreSQL would, with the reason; plain works', async () => {
    await expect(
      env.call('matviews.refresh', { connectionId: env.id, schema: 'ticketing', name: 'titles', mode: 'concurrently' }),
    ).rejects.toThrow(/cannot be refreshed CONCURRENTLY: .*titles_lower/);
    const plain = await env.call('matviews.refresh', { connectionId: env.id, schema: 'ticketing', name: 'later' });
    expect(plain.concurrently).toBe(false); // auto: not populated, so a plain refresh
    expect((await find('later')).populated).toBe(true);
    expect((await find('later')).canRefreshConcurrently).toBe(true);
  });

  it('refreshes all in dependency order as one task, each recorded', async () => {
    const taskId = randomUUID();
    const r = await env.call('matviews.refreshAll', { connectionId: env.id, taskId, schema: 'ticketing' });
    const order = r.refreshed.map((x) => x.name);
    expect(order.indexOf('event_stats')).toBeLessThan(order.indexOf('busy_summary'));
    expect(order).toHaveLength(4);
    expect(r.taskId).toBe(taskId);
    const progress = events.filter((e) => e.taskId === taskId && e.state === 'running' && e.detail);
    expect(progress.map((e) => e.detail)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^1 of 4: /), expect.stringMatching(/^4 of 4: /)]),
    );
    const all = await list();
    expect(all.every((m) => m.lastRefresh !== null)).toBe(true);
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'matview.refreshAll' });
    expect(audit.entries[0]!.outcome).toBe('succeeded');
  });
});
