import { describe, expect, it } from 'vitest';
import type { HealthSnapshot } from '../../../../shared/contract/insights';
import { sampleOf, useHealthSeries } from './health-series';

const snapshot = (over: Partial<HealthSnapshot> = {}): HealthSnapshot => ({
  at: '2026-01-01T00:00:00.000Z',
  cacheHitRatio: 0.99,
  indexHitRatio: 0.97,
  indexUsageRatio: 0.9,
  connections: { total: 50, active: 3, idleInTransaction: 0, max: 100, reserved: 3 },
  queryP99: null,
  wraparound: [{ database: 'a', xidAge: 1000, ratio: 0.1, mxidAge: 1 }],
  autovacuumFreezeMaxAge: 200_000_000,
  databases: [],
  largestRelations: [],
  replication: [],
  slots: [],
  inRecovery: false,
  standbyReplayDelaySeconds: null,
  ...over,
});

describe('health series', () => {
  it('turns a snapshot into one sample per metric, null where the server has none', () => {
    expect(sampleOf(snapshot())).toEqual({
      at: '2026-01-01T00:00:00.000Z',
      queryP99Ms: null,
      connectionsRatio: 0.5,
      cacheHitRatio: 0.99,
      indexHitRatio: 0.97,
      replicationLagSeconds: null,
      wraparoundRatio: 0.1,
    });
    const withStandbys = snapshot({
      replication: [
        { application: 'a', client: null, state: 'streaming', syncState: 'async', replayLagSeconds: 2, lagBytes: '0' },
        { application: 'b', client: null, state: 'streaming', syncState: 'async', replayLagSeconds: 7, lagBytes: '0' },
      ],
    });
    expect(sampleOf(withStandbys).replicationLagSeconds).toBe(7);
  });

  it('keeps samples per connection and ignores a repeated snapshot', () => {
    const { add } = useHealthSeries.getState();
    add('c1', sampleOf(snapshot()));
    add('c1', sampleOf(snapshot()));
    add('c1', sampleOf(snapshot({ at: '2026-01-01T00:00:05.000Z' })));
    add('c2', sampleOf(snapshot()));
    expect(useHealthSeries.getState().series.c1).toHaveLength(2);
    expect(useHealthSeries.getState().series.c2).toHaveLength(1);
  });
});
