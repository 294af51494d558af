/* ticketz-console */
-- The cumulative counters of every statement in scope (pg_stat_statements 1.8 names: total_exec_time), kept as
-- snapshots while the page is open so the console can show what changed in the last minutes.
-- $1 all databases.
SELECT /* ticketz-console */ s.userid::int8 AS userid,
       s.dbid::int8 AS dbid,
       s.queryid::text AS queryid,
       NULL::bool AS toplevel,
       s.calls::text AS calls,
       s.rows::text AS rows,
       s.total_exec_time AS total_exec_ms
  FROM pg_stat_statements AS s
 WHERE s.queryid IS NOT NULL
   AND ($1::bool OR s.dbid = (SELECT d.oid FROM pg_catalog.pg_database AS d WHERE d.datname = pg_catalog.current_database()))
