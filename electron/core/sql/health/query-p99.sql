/* ticketz-console */
-- The statement with the highest estimated 99th-percentile time: pg_stat_statements keeps mean and
-- standard deviation, not percentiles, so p99 ≈ mean + 2.326 σ (normal approximation), never above
-- the observed maximum. Statements with fewer than 10 calls and the console's own are left out.
-- pg_stat_statements ≤ 1.7 column names. Source: https://www.postgresql.org/docs/12/pgstatstatements.html
SELECT /* ticketz-console */ s.queryid::text AS queryid,
       s.query,
       least(s.max_time, s.mean_time + 2.326 * s.stddev_time) AS p99_ms
  FROM pg_stat_statements AS s
 WHERE s.calls >= 10
   AND s.dbid = (SELECT d.oid FROM pg_catalog.pg_database AS d WHERE d.datname = pg_catalog.current_database())
   AND s.query NOT LIKE '%/* ticketz-console */%'
 ORDER BY 3 DESC
 LIMIT 1
