/**
 * Health alert thresholds. The defaults are the house rules from the Ticketz database review
 * ("Alert Thresholds" and "Key Metrics to Monitor"): query p99 > 1 s warning / > 3 s critical,
 * connection utilization > 70 % / > 85 %, cache hit ratio < 85 % / < 75 %, replication lag
 * > 5 s / > 30 s, index hit ratio target > 95 %. Wraparound has no house rule; the console warns
 * at half of the 2^31 limit and calls it critical at three quarters (as common monitoring does).
 */
export type HealthLevel = 'ok' | 'warning' | 'critical' | 'unknown';

export interface Threshold {
  /** 'above': larger is worse (latency, usage); 'below': smaller is worse (hit ratios). */
  direction: 'above' | 'below';
  warning: number;
  /** null when only a target exists (e.g. index hit ratio). */
  critical: number | null;
}

export const healthMetrics = [
  'queryP99Ms',
  'connectionsRatio',
  'cacheHitRatio',
  'indexHitRatio',
  'replicationLagSeconds',
  'wraparoundRatio',
] as const;
export type HealthMetric = (typeof healthMetrics)[number];
export type HealthThresholds = Record<HealthMetric, Threshold>;

export const defaultHealthThresholds: HealthThresholds = {
  queryP99Ms: { direction: 'above', warning: 1000, critical: 3000 },
  connectionsRatio: { direction: 'above', warning: 0.7, critical: 0.85 },
  cacheHitRatio: { direction: 'below', warning: 0.85, critical: 0.75 },
  indexHitRatio: { direction: 'below', warning: 0.95, critical: null },
  replicationLagSeconds: { direction: 'above', warning: 5, critical: 30 },
  wraparoundRatio: { direction: 'above', warning: 0.5, critical: 0.75 },
};

export const healthMetricLabels: Record<HealthMetric, string> = {
  queryP99Ms: 'Estimated query p99 (mean + 2.33σ, ms)',
  connectionsRatio: 'Connections / max_connections',
  cacheHitRatio: 'Cache hit ratio',
  indexHitRatio: 'Index hit ratio',
  replicationLagSeconds: 'Replication lag (s)',
  wraparoundRatio: 'Transaction ID wraparound (share of 2^31)',
};

/** Where a value stands against a threshold; the boundary itself is not yet past it. */
export function levelOf(value: number | null | undefined, t: Threshold): HealthLevel {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'unknown';
  const past = (limit: number) => (t.direction === 'above' ? value > limit : value < limit);
  if (t.critical !== null && past(t.critical)) return 'critical';
  if (past(t.warning)) return 'warning';
  return 'ok';
}

/** Checks edited thresholds: warning must come before critical in the metric's direction. */
export function thresholdProblem(t: Threshold): string | undefined {
  if (!Number.isFinite(t.warning)) return 'The warning level must be a number.';
  if (t.critical === null) return undefined;
  if (!Number.isFinite(t.critical)) return 'The critical level must be a number.';
  if (t.direction === 'above' && t.critical < t.warning) return 'Critical must be at or above warning.';
  if (t.direction === 'below' && t.critical > t.warning) return 'Critical must be at or below warning.';
  return undefined;
}
