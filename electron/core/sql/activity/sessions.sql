/* ticketz-console */
-- Sessions of the whole server with state, wait event, timings, query, application and client.
-- Server processes without a query (checkpointer, WAL writer …) are left out. $1 include idle sessions.
-- Durations are computed here so client and server clocks never mix.
-- Source: PG docs 27.2.3 pg_stat_activity; pghero's running_queries (https://github.com/ankane/pghero).
SELECT /* ticketz-console */ a.pid,
       a.datname AS database,
       a.usename AS role,
       coalesce(a.application_name, '') AS application,
       CASE
         WHEN a.client_addr IS NULL THEN CASE WHEN a.client_port = -1 THEN 'local socket' END
         ELSE coalesce(a.client_hostname, pg_catalog.host(a.client_addr)) || ':' || a.client_port
       END AS client,
       coalesce(a.backend_type, '') AS backend_type,
       a.state,
       a.wait_event_type,
       a.wait_event,
       a.backend_start,
       a.xact_start,
       a.query_start,
       a.state_change,
       extract(epoch FROM pg_catalog.clock_timestamp() - CASE WHEN a.state = 'active' THEN a.query_start ELSE a.state_change END) * 1000 AS duration_ms,
       extract(epoch FROM pg_catalog.clock_timestamp() - a.xact_start) * 1000 AS xact_ms,
       coalesce(a.query, '') AS query,
       a.pid = pg_catalog.pg_backend_pid() AS is_self
  FROM pg_catalog.pg_stat_activity AS a
 WHERE (a.backend_type IN ('client backend', 'autovacuum worker', 'parallel worker', 'walsender') OR coalesce(a.query, '') <> '')
   AND ($1::bool OR a.state IS DISTINCT FROM 'idle')
 ORDER BY a.xact_start NULLS LAST, a.query_start NULLS LAST, a.pid
