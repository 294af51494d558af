import { create } from 'zustand';
import type { HealthSnapshot } from '../../../../shared/contract/insights';
import type { HealthMetric } from '../../../../shared/domain/health-thresholds';

export type HealthSample = { at: string } & Record<HealthMetric, number | null>;

/** Keep the last hour at a 5 s poll. */
const MAX_SAMPLES = 720;

/** One point per metric from a snapshot; null when the server has nothing to say (no standbys, no pg_stat_statements). */
export function sampleOf(h: HealthSnapshot): HealthSample {
  const lags = h.replication.map((r) => r.replayLagSeconds).filter((v): v is number => v !== null);
  return {
    at: h.at,
    queryP99Ms: h.queryP99?.ms ?? null,
    connectionsRatio: h.connections.max > 0 ? h.connections.total / h.connections.max : null,
    cacheHitRatio: h.cacheHitRatio,
    indexHitRatio: h.indexHitRatio,
    replicationLagSeconds: lags.length ? Math.max(...lags) : h.inRecovery ? h.standbyReplayDelaySeconds : null,
    wraparoundRatio: h.wraparound.length ? Math.max(...h.wraparound.map((w) => w.ratio)) : null,
  };
}

/** How often the app samples health while it is open (any page, not just the Health tab). */
export const HEALTH_SAMPLE_MS = 5000;

interface SeriesStore {
  /** Per connection, in memory only: the points measured while the app is open, nothing made up. */
  series: Record<string, HealthSample[]>;
  /** Pause stops sampling everywhere (the Health tab's Pause button). */
  paused: boolean;
  add(connectionId: string, sample: HealthSample): void;
  setPaused(paused: boolean): void;
}

export const useHealthSeries = create<SeriesStore>()((set) => ({
  series: {},
  paused: false,
  setPaused: (paused) => set({ paused }),
  add: (connectionId, sample) =>
    set((s) => {
      const list = s.series[connectionId] ?? [];
      if (list.at(-1)?.at === sample.at) return s;
      return { series: { ...s.series, [connectionId]: [...list, sample].slice(-MAX_SAMPLES) } };
    }),
}));
