import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { useCoreFixture } from '../testing/core-fixture';

/**
 * Two consoles edit the same row at once. A third session holds the row lock while both commits
 * are sent, so both UPDATEs are really queued on the row at the same time; when it lets go, one
 * commit wins and the other re-checks the row (EvalPlanQual), finds it changed, and applies
 * nothing — not even its other, unrelated row.
 */
const fx = useCoreFixture('dataeditrace');
let second: DirectCore;
let secondId: string;

beforeAll(async () => {
  await fx.db.pool.query(`
    CREATE TABLE seat (id int PRIMARY KEY, holder text, code character(4));
    INSERT INTO seat SELECT g, NULL, 'ab' FROM generate_series(1, 100) AS g;
  `);
  second = createDirectCore();
  secondId = await second.addProfile(fx.db);
});
afterAll(async () => second?.dispose());

async function readRow(call: DirectCore['call'], connectionId: string, id: number) {
  const data = await call('schema.tableData', {
    connectionId,
    schema: 'public',
    name: 'seat',
    filters: [{ column: 'id', op: '=', value: String(id) }],
  });
  return Object.fromEntries(data.columns.map((c, i) => [c.name, data.rows[0]![i] ?? null]));
}

async function waitersOnLocks(): Promise<number> {
  const { rows } = await fx.db.pool.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows[0].n;
}

describe('two editors change the same row', () => {
  it.each([1, 2, 3, 4, 5])('round %i: one commit wins, the other gets a conflict and nothing of it is applied', async (round) => {
    const shared = round;
    const ownA = 10 + round;
    const ownB = 50 + round;
    const editorA = { call: fx.call, id: fx.id };
    const editorB = { call: second.call, id: secondId };
    const [sharedA, rowA, sharedB, rowB] = [
      await readRow(editorA.call, editorA.id, shared),
      await readRow(editorA.call, editorA.id, ownA),
      await readRow(editorB.call, editorB.id, shared),
      await readRow(editorB.call, editorB.id, ownB),
    ];
    expect(sharedA.code).toBe('ab  ');

    const holder = await fx.db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM seat WHERE id = $1 FOR UPDATE', [shared]);
      const commit = (editor: typeof editorA, who: string, sharedRow: typeof sharedA, own: number, ownRow: typeof rowA) =>
        editor.call('data.applyChanges', {
          connectionId: editor.id,
          schema: 'public',
          table: 'seat',
          changes: [
            { op: 'update', key: { id: String(own) }, original: ownRow, values: { holder: who } },
            { op: 'update', key: { id: String(shared) }, original: sharedRow, values: { holder: who } },
          ],
        });
      const a = commit(editorA, 'A', sharedA, ownA, rowA);
      const b = commit(editorB, 'B', sharedB, ownB, rowB);
      for (let i = 0; i < 200 && (await waitersOnLocks()) < 2; i++) await new Promise((r) => setTimeout(r, 25));
      expect(await waitersOnLocks()).toBe(2);
      await holder.query('COMMIT');
      const results = await Promise.all([a, b]);

      const winners = results.filter((r) => r.conflicts.length === 0);
      const losers = results.filter((r) => r.conflicts.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(winners[0]!.applied.updated).toBe(2);
      expect(losers[0]!.applied).toEqual({ inserted: 0, updated: 0, deleted: 0 });
      const winner = results[0] === winners[0] ? 'A' : 'B';
      expect(losers[0]!.conflicts).toEqual([
        expect.objectContaining({ index: 1, reason: 'changed', differs: ['holder'], current: expect.objectContaining({ holder: winner }) }),
      ]);

      const { rows } = await fx.db.pool.query(`SELECT id, holder FROM seat WHERE id = ANY ($1) ORDER BY id`, [[shared, ownA, ownB]]);
      expect(rows).toEqual([
        { id: shared, holder: winner },
        { id: ownA, holder: winner === 'A' ? 'A' : null },
        { id: ownB, holder: winner === 'B' ? 'B' : null },
      ]);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
  });
});
