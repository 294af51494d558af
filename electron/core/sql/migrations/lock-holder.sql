/* ticketz-console */
-- Who holds the applier lock (a session-level advisory lock on the key pair $1, $2), so a
-- waiting applier can say whom it waits for. Two-int4 advisory keys show as classid, objid and
-- objsubid = 2 in pg_locks (https://www.postgresql.org/docs/current/view-pg-locks.html).
SELECT /* ticketz-console */ a.pid,
       a.usename AS role,
       a.application_name,
       a.client_addr::text AS client_addr,
       a.backend_start
FROM pg_catalog.pg_locks AS l
JOIN pg_catalog.pg_stat_activity AS a ON a.pid = l.pid
WHERE l.locktype = 'advisory'
  AND l.granted
  AND l.database = (SELECT d.oid FROM pg_catalog.pg_database AS d WHERE d.datname = pg_catalog.current_database())
  AND l.classid = $1::integer::oid
  AND l.objid = $2::integer::oid
  AND l.objsubid = 2
