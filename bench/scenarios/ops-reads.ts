import type { InputOf, MethodName } from '../../shared/contract';
import { registerScenario, timed, type BenchContext } from '../harness';
import { HttpRpc } from '../http-rpc';
import { seededDatabase } from '../ops/seeded';
import { startServeProcess, type ServeProcess } from '../ops/serve-process';

/**
 * The organizer and chain reads over HTTP to `serve` (in its own process, the seeded database as
 * its connection), as the renderer asks for them. Goals: seat map of a 1,000-seat section p99 <
 * 10 ms on an idle machine, event stats < 100 ms, chain stats < 1 s at 1M chain users (scale 50),
 * first page of descendants < 50 ms.
 */
interface ReadState {
  serve: ServeProcess;
  rpc: HttpRpc;
  eventId: string;
  bigSectionId: string;
  hubId: string;
}
let state: Promise<ReadState> | undefined;

function readState(ctx: BenchContext): Promise<ReadState> {
  state ??= (async () => {
    const db = await seededDatabase(ctx);
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
    const serve = await startServeProcess(`${db.url}?sslmode=disable`, 5);
    return {
      serve,
      rpc: new HttpRpc(serve.origin, serve.token),
      eventId: rows[0].event_id,
      bigSectionId: rows[0].section_id,
      hubId: hub.rows[0].user_id,
    };
  })();
  return state;
}

async function call<M extends MethodName>(s: ReadState, method: M, input: Omit<InputOf<M>, 'connectionId'>): Promise<void> {
  await s.rpc.call(method, { connectionId: s.serve.connectionId, ...input } as InputOf<M>);
}

const teardown = async () => {
  const s = await state;
  state = undefined;
  if (!s) return;
  s.rpc.close();
  await s.serve.stop();
};

const reads: { name: string; description: string; n: number; run: (s: ReadState) => Promise<void> }[] = [
  {
    name: 'ops: events.seatMap, 1,000-seat section (HTTP)',
    description: 'every seat of a 1,000-seat section with its availability for an event (goal p99 < 10 ms, idle machine)',
    n: 50,
    run: (s) => call(s, 'events.seatMap', { eventId: s.eventId, sectionId: s.bigSectionId }),
  },
  {
    name: 'ops: events.stats (HTTP)',
    description: 'one event: sections, revenue, sales per day, check-ins, gates (goal < 100 ms)',
    n: 30,
    run: (s) => call(s, 'events.stats', { eventId: s.eventId }),
  },
  {
    name: 'ops: chain.stats (HTTP)',
    description: 'fn_calculate_chain_stats() (goal < 1 s at 1M chain users, scale 50)',
    n: 10,
    run: (s) => call(s, 'chain.stats', {}),
  },
  {
    name: 'ops: chain.descendants, first page of the biggest hub (HTTP)',
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
