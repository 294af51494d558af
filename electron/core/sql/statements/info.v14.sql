/* ticketz-console */
-- When all statements' counters were last reset (pg_stat_statements 1.9+, PostgreSQL 14).
-- Source: https://www.postgresql.org/docs/14/pgstatstatements.html#id-1.11.7.39.7
SELECT /* ticketz-console */ i.stats_reset FROM pg_stat_statements_info AS i
