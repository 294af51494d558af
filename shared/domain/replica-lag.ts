import { defaultHealthThresholds, levelOf, type HealthLevel } from './health-thresholds';

/** What a page on a read replica shows beside its data: "replica, 0.4 s behind". */
export function replicaLagText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return 'replica, lag unknown';
  if (seconds === 0) return 'replica, caught up';
  if (seconds < 60) return `replica, ${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s behind`;
  if (seconds < 3600) return `replica, ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s behind`;
  return `replica, ${(seconds / 3600).toFixed(1)} h behind`;
}

/** The house replication-lag thresholds (5 s warning, 30 s critical). */
export const replicaLagLevel = (seconds: number | null | undefined): HealthLevel =>
  levelOf(seconds, defaultHealthThresholds.replicationLagSeconds);
