/* ticketz-console */
-- Client connections against max_connections, less the slots reserved for superusers
-- (and for pg_use_reserved_connections on PostgreSQL 16+).
-- Source: PG docs 20.3.1 Connection Settings; pghero's connection_stats.
SELECT /* ticketz-console */ count(*) FILTER (WHERE a.backend_type = 'client backend')::int AS total,
       count(*) FILTER (WHERE a.backend_type = 'client backend' AND a.state = 'active')::int AS active,
       count(*) FILTER (WHERE a.backend_type = 'client backend' AND a.state LIKE 'idle in transaction%')::int AS idle_in_transaction,
       pg_catalog.current_setting('max_connections')::int AS max,
       pg_catalog.current_setting('superuser_reserved_connections')::int
         + coalesce(pg_catalog.current_setting('reserved_connections', true)::int, 0) AS reserved
  FROM pg_catalog.pg_stat_activity AS a
