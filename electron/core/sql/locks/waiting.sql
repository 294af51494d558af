/* ticketz-console */
-- Every session waiting for a heavyweight lock, what it waits for, and who holds or queues ahead of
-- it (pg_blocking_pids): the edges of the blocking tree. A session waits for one lock at a time.
-- Source: PG docs 9.27 pg_blocking_pids, 54.12 pg_locks; pghero's blocked_queries.
SELECT /* ticketz-console */ l.pid,
       l.locktype,
       l.mode,
       CASE
         WHEN l.relation IS NOT NULL THEN pg_catalog.format('%s', l.relation::pg_catalog.regclass)
         WHEN l.transactionid IS NOT NULL THEN 'transaction ' || l.transactionid
         WHEN l.virtualxid IS NOT NULL THEN 'virtual transaction ' || l.virtualxid
         ELSE l.locktype
       END AS object,
       pg_catalog.pg_blocking_pids(l.pid) AS blocked_by
  FROM pg_catalog.pg_locks AS l
 WHERE NOT l.granted
