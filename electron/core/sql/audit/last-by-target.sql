/* ticketz-console */
-- The latest successful entry per target for one action (e.g. the last refresh of each
-- materialized view made by the console). $1 action.
SELECT /* ticketz-console */ DISTINCT ON (a.target)
       a.target,
       a.at,
       a.duration_ms,
       a.role,
       a.os_user
  FROM ticketz_console.audit_log AS a
 WHERE a.action = $1
   AND a.outcome = 'succeeded'
 ORDER BY a.target, a.at DESC
