/* ticketz-console */
-- Slow queries for pg_stat_statements 1.9 and 1.10 (PostgreSQL 14–16): adds toplevel (statements
-- run inside functions are tracked apart when pg_stat_statements.track = all).
-- Column names are aliased to the same set in every variant (see top.v13.sql, top.v14.sql, top.v17.sql).
-- $1 all databases, $2 include the console's own statements, $3 sort key, $4 limit.
-- Source: pghero's query_stats (https://github.com/ankane/pghero) and
-- https://www.postgresql.org/docs/16/pgstatstatements.html
WITH /* ticketz-console */ scoped AS (
  SELECT s.*,
         s.query LIKE '%/* ticketz-console */%' AS is_console
    FROM pg_stat_statements AS s
   WHERE s.queryid IS NOT NULL
     AND ($1::bool OR s.dbid = (SELECT d.oid FROM pg_catalog.pg_database AS d WHERE d.datname = pg_catalog.current_database()))
),
counted AS (
  SELECT c.*,
         count(*) FILTER (WHERE c.is_console) OVER () AS hidden_console,
         sum(c.total_exec_time) FILTER (WHERE $2::bool OR NOT c.is_console) OVER () AS scope_exec_ms
    FROM scoped AS c
)
SELECT c.userid::int8 AS userid,
       c.dbid::int8 AS dbid,
       c.queryid::text AS queryid,
       c.toplevel,
       coalesce(r.rolname, c.userid::text) AS role,
       coalesce(d.datname, c.dbid::text) AS database,
       c.query,
       c.calls::text AS calls,
       c.rows::text AS rows,
       c.total_exec_time AS total_exec_ms,
       c.mean_exec_time AS mean_exec_ms,
       c.min_exec_time AS min_exec_ms,
       c.max_exec_time AS max_exec_ms,
       c.stddev_exec_time AS stddev_exec_ms,
       c.total_plan_time AS total_plan_ms,
       c.shared_blks_hit::text AS shared_blks_hit,
       c.shared_blks_read::text AS shared_blks_read,
       c.temp_blks_written::text AS temp_blks_written,
       c.blk_read_time AS io_read_ms,
       c.blk_write_time AS io_write_ms,
       NULL::timestamptz AS stats_since,
       NULL::timestamptz AS minmax_stats_since,
       c.is_console,
       c.hidden_console,
       c.scope_exec_ms
  FROM counted AS c
  LEFT JOIN pg_catalog.pg_roles AS r ON r.oid = c.userid
  LEFT JOIN pg_catalog.pg_database AS d ON d.oid = c.dbid
 WHERE $2::bool OR NOT c.is_console
 ORDER BY CASE $3::text
            WHEN 'meanTime' THEN c.mean_exec_time
            WHEN 'calls' THEN c.calls::float8
            WHEN 'rows' THEN c.rows::float8
            WHEN 'io' THEN c.blk_read_time + c.blk_write_time
            ELSE c.total_exec_time
          END DESC,
          CASE WHEN $3::text = 'io' THEN c.shared_blks_read END DESC NULLS LAST,
          c.total_exec_time DESC
 LIMIT $4::int
