/* ticketz-console */
-- One session's identity, for the audit record written before it is signalled. $1 pid.
SELECT /* ticketz-console */ a.pid, a.usename AS role, a.datname AS database, coalesce(a.application_name, '') AS application, coalesce(a.query, '') AS query
  FROM pg_catalog.pg_stat_activity AS a
 WHERE a.pid = $1::int
