/* ticketz-console */
-- When all statements' counters were last reset: unknown before pg_stat_statements 1.9.
SELECT /* ticketz-console */ NULL::timestamptz AS stats_reset
