/**
 * Task kinds that are one SQL statement on a pooled session (maintenance, materialized views):
 * cancel is pg_cancel_backend on that session; progress comes from pg_stat_progress_*.
 */
export const maintenanceTaskKinds = ['vacuum', 'analyze', 'reindex', 'refresh'] as const;
