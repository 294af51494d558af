import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverMigrations } from './discover';
import type { DatabaseState } from './history';
import { planDown, planUp } from './plan';
import { analyzeAll, computeStates, toRow } from './status';
import type { FlywayRow, HistoryRow } from './types';

const fixtures = path.join(import.meta.dirname, 'fixtures');

function applied(version: string, checksum: string, name = 'x'): HistoryRow {
  return { version, name, checksum, downChecksum: null, appliedAt: new Date('2024-01-01T00:00:00Z'), appliedRole: 'app', appliedOsUser: 'ci', durationMs: 3 };
}
const db = (history: HistoryRow[], flyway: FlywayRow[] = []): DatabaseState => ({ historyTable: true, history, flyway, invalidIndexes: [], progress: [] });

async function statesFor(format: string, state: (sums: Map<string, string>) => DatabaseState) {
  const discovery = discoverMigrations(path.join(fixtures, format));
  const sums = new Map(discovery.migrations.map((m) => [m.version, m.up.checksum]));
  return computeStates(discovery, state(sums), await analyzeAll(discovery));
}

describe('status and plans', () => {
  it('marks applied, drift, missing_file, out_of_order and pending, with who applied what', async () => {
    const states = await statesFor('up-down', (sums) => db([applied('1', sums.get('1')!), applied('10', 'edited-since'), applied('11', 'gone')]));
    expect(states.map((s) => [s.version, s.status])).toEqual([
      ['1', 'applied'],
      ['2', 'out_of_order'],
      ['10', 'drift'],
      ['11', 'missing_file'],
    ]);
    const row = toRow(states[0]!);
    expect(row).toMatchObject({ appliedBy: 'app (ci)', appliedAt: '2024-01-01T00:00:00.000Z', hasDown: true, format: 'up-down' });
    expect(toRow(states[2]!).flags.map((f) => f.code)).toContain('no_down');
  });

  it('up stops on drift and on out-of-order migrations unless allowed', async () => {
    const states = await statesFor('up-down', (sums) => db([applied('1', sums.get('1')!), applied('10', 'edited-since')]));
    const plan = planUp(states);
    expect(plan.blockers.map((b) => [b.code, b.version])).toEqual([
      ['drift', '10'],
      ['out_of_order', '2'],
    ]);
    const allowed = planUp(states, { allowOutOfOrder: true });
    expect(allowed.steps.map((s) => s.state.version)).toEqual(['2']);
  });

  it('up runs pending migrations up to a target; an unknown target is a blocker', async () => {
    const states = await statesFor('up-down', () => db([]));
    expect(planUp(states).steps.map((s) => s.state.version)).toEqual(['1', '2', '10']);
    expect(planUp(states, { to: '2' }).steps.map((s) => s.state.version)).toEqual(['1', '2']);
    expect(planUp(states, { to: '7' }).blockers.map((b) => b.code)).toEqual(['unknown_target']);
  });

  it('down rolls back newest first by steps or to a version; needs files and down scripts', async () => {
    const states = await statesFor('up-down', (sums) => db(['1', '2', '10'].map((v) => applied(v, sums.get(v)!))));
    expect(planDown(states).blockers.map((b) => b.code)).toEqual(['missing_down']);
    expect(planDown(states, { to: '10' }).steps).toEqual([]);
    const partial = await statesFor('up-down', (sums) => db(['1', '2'].map((v) => applied(v, sums.get(v)!))));
    expect(planDown(partial, { steps: 2 }).steps.map((s) => s.state.version)).toEqual(['2', '1']);
    expect(planDown(partial, { to: '0' }).steps.map((s) => [s.direction, s.script.file])).toEqual([
      ['down', '2_add_users_name.down.sql'],
      ['down', '1_create_users.down.sql'],
    ]);
    expect(planDown(partial, { to: '5' }).blockers.map((b) => b.code)).toEqual(['unknown_target']);
  });

  it("counts Flyway's history as applied (minus undone versions), detects its drift by Flyway checksum, and leaves undo to Flyway", async () => {
    const row = (rank: number, version: string, type = 'SQL', checksum: number | null = null): FlywayRow => ({
      installedRank: rank,
      version,
      description: 'd',
      type,
      script: `V${version}__d.sql`,
      checksum,
      installedBy: 'flyway_user',
      installedOn: new Date('2024-01-01T00:00:00Z'),
      executionTimeMs: 5,
      success: true,
    });
    const states = await statesFor('flyway', () => db([], [row(1, '1'), row(2, '1.1', 'SQL', 12345), row(3, '2'), row(4, '2', 'UNDO_SQL')]));
    expect(states.map((s) => [s.version, s.status])).toEqual([
      ['1', 'applied'],
      ['1.1', 'drift'],
      ['1_2', 'pending'],
      ['1.10', 'pending'],
      ['2', 'pending'],
      ['', 'repeatable'],
    ]);
    expect(toRow(states[0]!).appliedBy).toBe('flyway: flyway_user');
    expect(planDown(states, { to: '0' }).blockers.map((b) => b.code)).toEqual(['applied_by_flyway', 'applied_by_flyway']);
  });
});
