import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodName } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/create-core';
import { registerScenario, timed, type BenchContext } from '../harness';
import { seededDatabase } from '../ops/seeded';

/**
 * The organizer and chain reads through the core's dispatcher (input parsing, service, SQL,
 * result mapping) on the seeded database. Goals: seat map of a 1,000-seat section < 10 ms, event
 * stats < 100 ms, chain stats < 1 s at 1M chain users (scale 50), first page of descendants < 50 ms.
 */
interface ReadState {
  core: Core;
  dataDir: string;
  connectionId: string;
  eventId: string;
  bigSectionId: string;
  hubId: string;
}
let state: Promise<ReadState> | undefined;

function readState(ctx: BenchContext): Promise<ReadState> {
  state ??= (async () => {
    const db = await seededDatabase(ctx);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-bench-core-'));
    const core = createCore({ dataDir, host: 'direct' });
    const url = new URL(db.url);
    const profile = core.deps.profiles.save(
      undefined,
      {
        name: 'bench',
        host: url.hostname,
        port: Number(url.port),
        database: db.name,
        user: decodeURIComponent(url.username),
        sslmode: 'disable',
        applicationName: 'ticketz-console',
        statementTimeoutMs: 60_000,
        readOnly: true,
        environment: 'development',
      },
      decodeURIComponent(url.password),
    );
    // the live event's 1,000-seat section with the most seats sold; the biggest hub of the chain
    const { rows } = await db.pool.query<{ event_id: string; section_id: string }>(
      `SELECT sa.event_id, sa.section_id
       FROM ticketing.section_availability AS sa
       WHERE sa.section_type = 'NUMBERED' AND sa.capacity = 1000 AND sa.is_active
       ORDER BY sa.tickets_sold DESC, sa.event_id LIMIT 1`,
    );
    const hub = await db.pool.query<{ user_id: string }>(
      'SELECT user_id FROM chain.mv_chain_leaderboard ORDER BY direct_children DESC, user_id LIMIT 1',
    );
    if (!rows[0] || !hub.rows[0]) throw new Error('The seeded database has no 1,000-seat section or no chain hub.');
    return {
      core,
      dataDir,
      connectionId: profile.id,
      eventId: rows[0].event_id,
      bigSectionId: rows[0].section_id,
      hubId: hub.rows[0].user_id,
    };
  })();
  return state;
}

async function call(s: ReadState, method: MethodName, input: Record<string, unknown>): Promise<void> {
  const envelope = await s.core.dispatch(method, { connectionId: s.connectionId, ...input }, { host: 'direct' });
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
}

const teardown = async () => {
  const s = await state;
  state = undefined;
  if (!s) return;
  await s.core.dispose();
  rmSync(s.dataDir, { recursive: true, force: true });
};

const reads: { name: string; description: string; n: number; run: (s: ReadState) => Promise<void> }[] = [
  {
    name: 'ops: events.seatMap, 1,000-seat section',
    description: 'every seat of a 1,000-seat section with its availability for an event (goal < 10 ms)',
    n: 50,
    run: (s) => call(s, 'events.seatMap', { eventId: s.eventId, sectionId: s.bigSectionId }),
  },
  {
    name: 'ops: events.stats',
    description: 'one event: sections, revenue, sales per day, check-ins, gates (goal < 100 ms)',
    n: 30,
    run: (s) => call(s, 'events.stats', { eventId: s.eventId }),
  },
  {
    name: 'ops: chain.stats',
    description: 'fn_calculate_chain_stats() (goal < 1 s at 1M chain users, scale 50)',
    n: 10,
    run: (s) => call(s, 'chain.stats', {}),
  },
  {
    name: 'ops: chain.descendants, first page of the biggest hub',
    description: 'first 50 direct children of the user with the most children (goal < 50 ms)',
    n: 50,
    run: (s) => call(s, 'chain.descendants', { userId: s.hubId, perParent: 50 }),
  },
];

for (const r of reads)
  registerScenario({
    name: r.name,
    description: r.description,
    iterations: () => r.n,
    setup: async (ctx) => void (await readState(ctx)),
    run: async (ctx) => {
      const s = await readState(ctx);
      return timed(() => r.run(s));
    },
    teardown,
  });
